package dev.loopbench.bench.support;

import dev.loopbench.loop.LoopCounters;
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
import java.util.List;

/**
 * Adds the latency percentiles a benchmark recorded into its HdrHistogram recorder, and the wakeups its loop
 * issued, to JMH's results as secondary metrics:
 * {@code hdr.p50}, {@code hdr.p90}, {@code hdr.p99}, {@code hdr.p99.9}, {@code hdr.max} (us), {@code hdr.count}
 * (samples) and {@code wakeups.per.op} (wakeups per task the loop ran, only where the loop counts wakeups).
 *
 * <p><b>Which percentile:</b> each hdr metric is the percentile of one measurement iteration's own histogram; JMH
 * averages them over iterations and forks and keeps each fork's value in {@code rawData}. An average of p99s is not
 * the p99 of all samples, so the pooled percentiles are written beside the JSON: every iteration's histogram goes
 * to {@code <dir>/<SimpleClass>.<method>__<params>.hlog}, and the distribution of all of them pooled to the
 * {@code .hgrm} of the same name (see {@link HistogramFiles}).
 *
 * <p>Use: {@code -prof dev.loopbench.bench.support.HdrHistogramProfiler:dir=RUN-histograms}. The launcher adds
 * {@code dir} from {@code -rff} when it is missing, so the histograms land beside the JSON.
 */
public final class HdrHistogramProfiler implements InternalProfiler {

    public static final String DIR_OPTION = "dir";
    /** Beside JMH's own default result file, {@code jmh-result.json}. */
    public static final String DEFAULT_DIR = "jmh-result-histograms";

    private static final double NANOS_PER_MICRO = 1000.0;
    private static final String LATENCY_UNIT = "us";

    private final Path directory;

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
        return "one-way latency percentiles (hdr.p50..hdr.max, per iteration) and wakeups.per.op;"
                + " pooled histograms in .hlog/.hgrm files under " + DIR_OPTION + "=<directory>";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // the probe is read after every iteration, so each reading already starts where the last one ended
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
        if (latencies != null && latencies.getTotalCount() > 0) {
            results.add(latency("hdr.p50", latencies.getValueAtPercentile(50)));
            results.add(latency("hdr.p90", latencies.getValueAtPercentile(90)));
            results.add(latency("hdr.p99", latencies.getValueAtPercentile(99)));
            results.add(latency("hdr.p99.9", latencies.getValueAtPercentile(99.9)));
            results.add(new ScalarResult("hdr.max", latencies.getMaxValue() / NANOS_PER_MICRO, LATENCY_UNIT,
                    AggregationPolicy.MAX));
            results.add(new ScalarResult("hdr.count", latencies.getTotalCount(), "samples", AggregationPolicy.SUM));
            String stem = HistogramFiles.stem(benchmarkParams);
            HistogramFiles.append(directory, stem, latencies,
                    "latencies in ns of " + stem + "; one interval per measurement iteration of every fork");
        }
        LoopCounters counters = reading.counters();
        if (counters != null && counters.countsWakeups() && counters.tasksRun() > 0) {
            results.add(new ScalarResult("wakeups.per.op", (double) counters.wakeupsIssued() / counters.tasksRun(),
                    "wakeups/op", AggregationPolicy.AVG));
        }
        return results;
    }

    private static ScalarResult latency(String label, long nanos) {
        return new ScalarResult(label, nanos / NANOS_PER_MICRO, LATENCY_UNIT, AggregationPolicy.AVG);
    }
}
