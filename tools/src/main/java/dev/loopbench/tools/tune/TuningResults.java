package dev.loopbench.tools.tune;

import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.LoopOptionsParam;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.TimeUnits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tuning run's one-way latency rows ({@code java -jar benchmarks.jar --tune IMPL}) as points on the
 * latency-CPU plane, by offered rate.
 *
 * @param implementation the one loop the run tuned
 * @param pointsByRate   every setting's point at each offered rate, rates ascending
 */
public record TuningResults(String implementation, SortedMap<Integer, List<TuningPoint>> pointsByRate) {

    /** The benchmark a tuning run measures, and its rate parameter (the benchmarks' {@code OneWayLatency}). */
    static final String ONE_WAY = "dev.loopbench.bench.latency.OneWayLatency.fixedRate";
    public static final String RATE_PARAM = "sendsPerSecond";

    /**
     * @throws ResultFileException if the run holds no one-way latency rows, holds several loops, or a row lacks the
     *                             profiler's percentiles: each says what was expected
     */
    public static TuningResults from(Path file, List<BenchmarkResult> results) throws ResultFileException {
        List<BenchmarkResult> rows = results.stream().filter(row -> row.key().benchmark().equals(ONE_WAY)).toList();
        if (rows.isEmpty()) {
            throw new ResultFileException(file, "holds no " + ONE_WAY + " rows; a tuning run writes them: "
                    + "scripts/tune.sh IMPL, or java -jar benchmarks.jar --tune IMPL -rf json -rff FILE");
        }
        Set<String> implementations = rows.stream().map(row -> row.key().params().get("impl")).collect(Collectors.toSet());
        if (implementations.size() != 1) {
            throw new ResultFileException(file, "holds one-way latency rows of " + implementations
                    + "; a tuning run measures one loop");
        }
        SortedMap<Integer, List<TuningPoint>> byRate = new TreeMap<>();
        for (BenchmarkResult row : rows) {
            Map<String, String> params = row.key().params();
            int rate = Integer.parseInt(params.get(RATE_PARAM));
            byRate.computeIfAbsent(rate, key -> new ArrayList<>()).add(new TuningPoint(
                    LoopOptionsParam.encode(LoopOptionsParam.decode(params.get(LoopOptionsParam.NAME))), rate,
                    row.primaryMetric().score(), micros(file, row, MetricNames.HDR_MEDIAN), micros(file, row, MetricNames.HDR_P99),
                    row.metric(MetricNames.CPU_LOOP_SHARE).map(Metric::score).orElse(Double.NaN)));
        }
        byRate.replaceAll((rate, points) -> List.copyOf(points));
        return new TuningResults(implementations.iterator().next(), byRate);
    }

    private static double micros(Path file, BenchmarkResult row, String metric) throws ResultFileException {
        Metric percentile = row.metric(metric).orElseThrow(() -> new ResultFileException(file, row.key().label()
                + " has no " + metric + "; run with -prof dev.loopbench.bench.profiler.HdrHistogramProfiler, as --tune does"));
        return TimeUnits.nanosPerOperation(percentile.score(), percentile.unit()).orElse(Double.NaN)
                / TimeUnits.NANOS_PER_MICRO;
    }
}
