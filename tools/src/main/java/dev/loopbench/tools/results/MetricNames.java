package dev.loopbench.tools.results;

import org.apache.commons.statistics.descriptive.Mean;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The metric names this suite defines (see {@code docs/results-format.md}) and the order tables list them in.
 */
public final class MetricNames {

    /** The name tables give to a row's primary metric; JMH itself leaves it unnamed. */
    public static final String PRIMARY = "score";

    /** Prefix of the {@code HdrHistogramProfiler}'s per-iteration percentiles, e.g. {@code hdr.p99.9}. */
    public static final String HDR_PREFIX = "hdr.";

    /** The percentiles the profiler reports of each histogram, as {@code <prefix>p50} and so on. */
    public static final List<Double> HDR_REPORTED_PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9);
    public static final String MAX_SUFFIX = "max";
    public static final String COUNT_SUFFIX = "count";
    /** The median of a benchmark's latency histograms. */
    public static final String HDR_MEDIAN = HDR_PREFIX + "p50";
    /** The 90th percentile of a benchmark's latency histograms. */
    public static final String HDR_P90 = HDR_PREFIX + "p90";
    /** The 99th percentile of a benchmark's latency histograms. */
    public static final String HDR_P99 = HDR_PREFIX + "p99";

    /** The CPU metrics of the benchmarks' profiler: {@code cpu.loop.ns.per.op} and the like. */
    public static final String CPU_PREFIX = "cpu.";
    public static final String CPU_LOOP_NANOS_PER_OP = CPU_PREFIX + "loop.ns.per.op";
    public static final String CPU_PRODUCERS_NANOS_PER_OP = CPU_PREFIX + "producers.ns.per.op";
    /** The share of one CPU the loop's thread used over an iteration. */
    public static final String CPU_LOOP_SHARE = CPU_PREFIX + "loop.share";
    /** The loop's own cost: its thread's CPU per operation minus the operation's fixed work, calibrated in the same fork. */
    public static final String CPU_LOOP_OWN_NANOS_PER_OP = CPU_PREFIX + "loop.own.ns.per.op";
    /** The calibrated CPU of an operation's fixed work ({@code taskWork}) on the loop's thread. */
    public static final String CPU_TASK_WORK_NANOS_PER_OP = CPU_PREFIX + "taskWork.ns.per.op";

    /** Bytes allocated per operation, by the loop's thread or by the producers. */
    public static final String ALLOC_PREFIX = "alloc.";
    public static final String ALLOC_LOOP_BYTES_PER_OP = ALLOC_PREFIX + "loop.bytes.per.op";
    public static final String ALLOC_PRODUCERS_BYTES_PER_OP = ALLOC_PREFIX + "producers.bytes.per.op";

    /** The loop thread's voluntary context switches per operation, from Linux's {@code /proc}: every time it slept. */
    public static final String WAKEUPS_PER_OP = "wakeups.per.op";
    /** The wakeups producers issued to the loop per operation, as the loop counts them where it can. */
    public static final String WAKEUPS_ISSUED_PER_OP = "wakeups.issued.per.op";
    /** One-way latency's histogram of the sender's lateness (actual send time minus intended slot): {@code hdr.lateness.*}. */
    public static final String LATENESS = "lateness";
    /** Round trips with a parking caller: the share of them that woke the loop, per iteration. */
    public static final String WOKEN_LOOP_SHARE = "wokenLoop.share";

    private static final String HDR_MAX = HDR_PREFIX + MAX_SUFFIX;
    private static final String HDR_PERCENTILE_PREFIX = HDR_PREFIX + "p";

    /**
     * Primary first, then the hdr percentiles in ascending order with {@code hdr.max} last, then the rest by name.
     * Sorting by name alone would put {@code hdr.max} before {@code hdr.p50}.
     */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt(MetricNames::rank)
            .thenComparingDouble(MetricNames::percentileOrZero)
            .thenComparing(Comparator.naturalOrder());

    private MetricNames() {
    }

    /**
     * How a metric's values over iterations and forks add up to its score, as the profiler that writes it tells
     * JMH: a maximum for {@code *.max}, a sum for {@code *.count}, a mean for everything else.
     */
    public static ToDoubleFunction<double[]> aggregationOf(String name) {
        if (name.endsWith(".max")) {
            return values -> Arrays.stream(values).max().orElse(Double.NaN);
        }
        if (name.endsWith("." + COUNT_SUFFIX)) {
            return values -> Arrays.stream(values).sum();
        }
        return values -> Mean.of(values).getAsDouble();
    }

    /** A latency percentile from the hdr profiler, as opposed to its sample count or another profiler's metric. */
    public static boolean isHdrLatency(String name, String unit) {
        return name.startsWith(HDR_PREFIX) && TimeUnits.isTime(unit);
    }

    /**
     * A metric that summaries, charts and comparisons show: the score, hdr latencies, wakeups per operation and the
     * CPU and bytes the loop and its producers spent.
     */
    public static boolean isFigure(String name, String unit) {
        return PRIMARY.equals(name) || WAKEUPS_PER_OP.equals(name) || WAKEUPS_ISSUED_PER_OP.equals(name)
                || WOKEN_LOOP_SHARE.equals(name)
                || readsThreads(name) || isHdrLatency(name, unit);
    }

    /**
     * A metric read from the loop's or the producers' threads (CPU, allocation, context switches), NaN where the
     * thread could not be read: shown as "not measured". A NaN {@link #WAKEUPS_ISSUED_PER_OP} is "not counted" instead.
     */
    public static boolean readsThreads(String name) {
        return name.startsWith(CPU_PREFIX) || name.startsWith(ALLOC_PREFIX) || WAKEUPS_PER_OP.equals(name);
    }

    /** {@code <prefix>p50}, {@code <prefix>p99.9}: a percentile's metric name, without a trailing {@code .0}. */
    public static String percentileName(String prefix, double percentile) {
        return prefix + "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile));
    }

    private static int rank(String name) {
        if (PRIMARY.equals(name)) {
            return 0;
        }
        if (isHdrPercentile(name)) {
            return 1;
        }
        return HDR_MAX.equals(name) ? 2 : 3;
    }

    private static double percentileOrZero(String name) {
        return isHdrPercentile(name) ? Double.parseDouble(name.substring(HDR_PERCENTILE_PREFIX.length())) : 0;
    }

    private static boolean isHdrPercentile(String name) {
        return name.startsWith(HDR_PERCENTILE_PREFIX)
                && name.substring(HDR_PERCENTILE_PREFIX.length()).matches("\\d+(\\.\\d+)?");
    }
}
