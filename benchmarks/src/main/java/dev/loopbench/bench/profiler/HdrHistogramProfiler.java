package dev.loopbench.bench.profiler;

import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.TimeUnits;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds what a benchmark showed it through {@link IterationProbe} to JMH's results as secondary metrics:
 * <ul>
 *   <li>the percentiles of its HdrHistogram recorder: {@code hdr.p50}, {@code hdr.p90}, {@code hdr.p99},
 *       {@code hdr.p99.9}, {@code hdr.max} (us) and {@code hdr.count} (samples), and the same under
 *       {@code hdr.<name>.} for each further histogram it records (e.g. {@code hdr.fromExecute.},
 *       {@code hdr.wokenLoop.});</li>
 *   <li>what each operation cost the threads, per iteration ({@link ThreadMetrics}, {@link ThreadSample}; NaN,
 *       "not measured", where the loop's thread is unknown): CPU time, {@code cpu.loop.ns.per.op},
 *       {@code cpu.producers.ns.per.op} and {@code cpu.loop.share}; bytes allocated,
 *       {@code alloc.loop.bytes.per.op} and {@code alloc.producers.bytes.per.op}; and {@code wakeups.per.op}, the
 *       loop thread's voluntary context switches ({@link dev.loopbench.bench.support.ProcThreadStatus}; Linux
 *       only);</li>
 *   <li>for a benchmark that declared its operations' fixed work ({@link dev.loopbench.bench.support.TaskWork}),
 *       that work's CPU, calibrated on the loop thread after each iteration ({@code cpu.taskWork.ns.per.op}, see
 *       {@link IterationProbe}), and the loop's own cost, {@code cpu.loop.own.ns.per.op}: its CPU per operation
 *       minus the work's;</li>
 *   <li>{@code wakeups.issued.per.op}: the wakeups producers issued to the loop per operation, as the loop counts
 *       them (NaN, "not counted", for a loop that cannot);</li>
 *   <li>the figures the benchmark computes itself per iteration ({@link IterationProbe.PerIteration}), e.g.
 *       {@code wokenLoop.share}.</li>
 * </ul>
 *
 * <p><b>Which percentile:</b> each hdr metric is a percentile of the fork's <em>pooled</em> histogram, every
 * sample of every measurement iteration of the fork. It is reported once per fork, after the fork's last
 * measurement iteration, so each fork's {@code rawData} holds one value, forks stay independent samples for the
 * comparison, and JMH's score is the mean of the forks' pooled percentiles. Per-iteration percentiles averaged
 * would not be a percentile of anything: in the first quick run, averaging changed which loop had the best
 * p99.9 (locked-deque 691 us averaged, 1,170 us pooled). Every iteration's histogram also goes to
 * {@code <dir>/<SimpleClass>.<method>__<params>.hlog}, and the distribution of all forks pooled to the
 * {@code .hgrm} of the same name (see {@link HistogramFiles}).
 *
 * <p>Use: {@code -prof dev.loopbench.bench.profiler.HdrHistogramProfiler:dir=RUN-histograms}. The launcher adds
 * {@code dir} from {@code -rff} when it is missing, so the histograms land beside the JSON.
 */
public final class HdrHistogramProfiler implements InternalProfiler {

    public static final String DIR_OPTION = "dir";
    /** Beside JMH's own default result file, {@code jmh-result.json}. */
    public static final String DEFAULT_DIR = "jmh-result-histograms";

    private static final String LATENCY_UNIT = "us";

    private final Path directory;
    /** This fork's measurement samples so far, per metric prefix; JMH's own thread only. */
    private final Map<String, Histogram> forkPooled = new LinkedHashMap<>();
    private int measurementIterationsSeen;
    private ThreadSample threadsAtIterationStart;

    /** For the ServiceLoader that lets {@code -lprof} list this profiler; writes to {@link #DEFAULT_DIR}. */
    public HdrHistogramProfiler() {
        directory = Path.of(DEFAULT_DIR);
    }

    /** @param options {@code dir=PATH} or empty, as JMH passes the text after {@code -prof class:} */
    public HdrHistogramProfiler(String options) throws ProfilerException {
        String trimmed = options == null ? "" : options.trim();
        if (trimmed.isEmpty()) {
            directory = Path.of(DEFAULT_DIR);
        } else if (trimmed.startsWith(DIR_OPTION + "=") && trimmed.length() > DIR_OPTION.length() + 1) {
            directory = Path.of(trimmed.substring(DIR_OPTION.length() + 1));
        } else {
            throw new ProfilerException("HdrHistogramProfiler takes one option, " + DIR_OPTION
                    + "=<directory for the .hlog/.hgrm files>; was '" + trimmed + "'");
        }
    }

    @Override
    public String getDescription() {
        return "one-way latency percentiles (hdr.p50..hdr.max, of each fork's pooled samples); the loop's and producers'"
                + " CPU (cpu.*), allocation (alloc.*) and the loop's wakeups (wakeups.per.op, wakeups.issued.per.op) per"
                + " operation; pooled histograms in .hlog/.hgrm files under " + DIR_OPTION + "=<directory>";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // the probe is read after every iteration, so each reading already starts where the last one ended; the
        // threads are sampled here so that the pause between iterations (and the calibration in it) does not count
        threadsAtIterationStart = IterationProbe.threadsNow();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                        IterationParams iterationParams, IterationResult result) {
        IterationProbe.Reading reading = IterationProbe.read();
        if (reading == null || iterationParams.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        Histogram latencies = reading.latencies();
        measurementIterationsSeen++;
        pool(MetricNames.HDR_PREFIX, latencies);
        reading.more().forEach((name, histogram) -> pool(MetricNames.HDR_PREFIX + name + ".", histogram));
        if (latencies != null && latencies.getTotalCount() > 0) {
            String stem = HistogramFiles.stem(benchmarkParams);
            HistogramFiles.append(directory, stem, latencies,
                    "latencies in ns of " + stem + "; one interval per measurement iteration of every fork");
        }
        if (measurementIterationsSeen == iterationParams.getCount()) {
            forkPooled.forEach((prefix, pooled) -> results.addAll(pooledPercentiles(prefix, pooled)));
            forkPooled.clear();
            measurementIterationsSeen = 0;
        }
        reading.scalars().forEach((name, scalar) ->
                results.add(new ScalarResult(name, scalar.value(), scalar.unit(), AggregationPolicy.AVG)));
        ThreadSample start = threadsAtIterationStart;
        long operations = result.getMetadata().getMeasuredOps();
        if (reading.threads() != null && start != null) {
            results.addAll(ThreadMetrics.threads(start, reading.threads(), operations, reading.taskWorkNanosPerOp()));
        }
        if (reading.counters() != null) {
            results.add(ThreadMetrics.wakeupsIssued(reading.counters(), operations));
        }
        return results;
    }

    private void pool(String prefix, Histogram interval) {
        if (interval != null && interval.getTotalCount() > 0) {
            forkPooled.computeIfAbsent(prefix, p -> new Histogram(interval.getNumberOfSignificantValueDigits()))
                    .add(interval);
        }
    }

    /** The fork's percentiles, from all its measurement samples, named {@code <prefix>p50} and so on. */
    private static List<Result> pooledPercentiles(String prefix, Histogram pooled) {
        List<Result> results = new ArrayList<>();
        for (double percentile : MetricNames.HDR_REPORTED_PERCENTILES) {
            results.add(latency(MetricNames.percentileName(prefix, percentile), pooled.getValueAtPercentile(percentile)));
        }
        results.add(new ScalarResult(prefix + MetricNames.MAX_SUFFIX, pooled.getMaxValue() / TimeUnits.NANOS_PER_MICRO,
                LATENCY_UNIT, AggregationPolicy.MAX));
        results.add(new ScalarResult(prefix + MetricNames.COUNT_SUFFIX, pooled.getTotalCount(), "samples",
                AggregationPolicy.SUM));
        return results;
    }

    private static ScalarResult latency(String label, long nanos) {
        return new ScalarResult(label, nanos / TimeUnits.NANOS_PER_MICRO, LATENCY_UNIT, AggregationPolicy.AVG);
    }
}
