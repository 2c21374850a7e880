package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.TimeUnits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a run's results as figures per implementation, marks the best implementation of each figure and reads
 * each loop's primary score against its physical limit measured in the same run. A pure function.
 *
 * <p>The limit ratio is "times worse than the limit": score/limit for times, limit/score for throughputs. Both
 * scores are first converted to nanoseconds per operation, so that {@code us/op} and {@code ns/op}, or
 * {@code ops/us} and {@code ops/s}, can be read against each other.
 */
public final class RunSummarizer {

    /** The parameter that names the implementation; every loop benchmark has it. */
    public static final String IMPL_PARAM = "impl";

    /** The implementation shown for benchmarks without an {@value #IMPL_PARAM} parameter, such as the limits. */
    public static final String NO_IMPL = "-";

    private RunSummarizer() {
    }

    public static RunSummary summarize(List<BenchmarkResult> results) {
        Map<FigureKey, Map<String, Metric>> figures = new LinkedHashMap<>();
        for (BenchmarkResult result : results) {
            for (String name : result.metricNames()) {
                Metric metric = result.metric(name).orElseThrow();
                if (MetricNames.isFigure(name, metric.unit())) {
                    figures.computeIfAbsent(new FigureKey(withoutImpl(result.key()), name), key -> new LinkedHashMap<>())
                            .putIfAbsent(implOf(result.key()), metric);
                }
            }
        }
        Set<String> missingLimits = new LinkedHashSet<>();
        List<Figure> summary = new ArrayList<>();
        figures.forEach((key, impls) -> summary.add(figure(key, impls, results, missingLimits)));
        List<String> notes = missingLimits.stream()
                .map(limit -> "no usable " + limit + " in this run: figures read against it have no limit ratio")
                .toList();
        return new RunSummary(summary, Stream.concat(notes.stream(), WarmupDrift.notes(results).stream()).toList());
    }

    /**
     * The metrics a limit ratio is given for: the primary score, and the median of the latency histograms, which
     * is the latency figure of benchmarks whose primary score is something else (a fixed send rate).
     */
    private static final Set<String> READ_AGAINST_LIMIT = Set.of(MetricNames.PRIMARY, MetricNames.HDR_MEDIAN);
    /** Limits are read by their unit alone, which always says their direction. */
    private static final String LIMIT_MODE_UNKNOWN = "";

    private static Figure figure(FigureKey key, Map<String, Metric> impls, List<BenchmarkResult> results, Set<String> missingLimits) {
        Direction direction = Direction.of(key.benchmark().mode(), impls.values().iterator().next().unit());
        Optional<String> best = best(impls, direction);
        Optional<String> limitName = READ_AGAINST_LIMIT.contains(key.metric())
                ? PhysicalLimits.limitFor(key.benchmark())
                : Optional.empty();
        Optional<BenchmarkResult> limitRow = limitName.flatMap(name -> limitRow(name, key.benchmark(), results));
        if (limitName.isPresent() && limitRow.isEmpty()) {
            missingLimits.add(limitName.get());
        }
        // statistic for statistic: a median is read against the limit's median, never against its mean; a limit
        // that records a latency distribution is read by its median only, the statistic this VM's tails move least;
        // and a figure that gets better the other way than its limit (an open-loop send rate against a round-trip
        // time) has no meaningful ratio to it
        Optional<Metric> limit = limitRow
                .filter(row -> row.metric(MetricNames.HDR_MEDIAN).isEmpty() || key.metric().equals(MetricNames.HDR_MEDIAN))
                .flatMap(row -> row.metric(key.metric()))
                .filter(l -> Direction.of(LIMIT_MODE_UNKNOWN, l.unit()) == direction);
        Set<String> notBounded = limitName.filter(PhysicalLimits::boundsOnlyWokenLoops)
                .map(name -> neverWoken(key.benchmark(), results)).orElse(Set.of());
        List<ImplScore> scores = new ArrayList<>();
        impls.forEach((impl, metric) -> scores.add(new ImplScore(impl, metric,
                limit.filter(l -> !notBounded.contains(impl)).map(l -> timesLimit(metric, l)).orElse(OptionalDouble.empty()),
                best.map(impl::equals).orElse(false))));
        return new Figure(key, direction, scores);
    }

    /** The implementations of {@code benchmark}'s rows whose loop counted its wakeups and was never woken. */
    private static Set<String> neverWoken(BenchmarkKey benchmark, List<BenchmarkResult> results) {
        return results.stream()
                .filter(row -> withoutImpl(row.key()).equals(benchmark))
                .filter(row -> row.metric(MetricNames.WAKEUPS_ISSUED_PER_OP).map(Metric::score).orElse(Double.NaN) == 0)
                .map(row -> implOf(row.key()))
                .collect(Collectors.toSet());
    }

    /** The best implementation by finite score, when there are at least two to choose from. */
    private static Optional<String> best(Map<String, Metric> impls, Direction direction) {
        List<Map.Entry<String, Metric>> finite = impls.entrySet().stream()
                .filter(e -> Double.isFinite(e.getValue().score()))
                .toList();
        if (finite.size() < 2) {
            return Optional.empty();
        }
        Map.Entry<String, Metric> best = finite.get(0);
        for (Map.Entry<String, Metric> candidate : finite) {
            if (direction.timesWorse(candidate.getValue().score(), best.getValue().score()) < 1) {
                best = candidate;
            }
        }
        return Optional.of(best.getKey());
    }

    /**
     * The only row of the limit benchmark whose parameters agree with the loop's (a parameter the loop does not have
     * agrees).
     */
    private static Optional<BenchmarkResult> limitRow(String limitBenchmark, BenchmarkKey loop, List<BenchmarkResult> results) {
        List<BenchmarkResult> candidates = results.stream()
                .filter(r -> r.key().benchmark().equals(limitBenchmark))
                .filter(r -> r.key().params().entrySet().stream()
                        .allMatch(p -> p.getValue().equals(loop.params().getOrDefault(p.getKey(), p.getValue()))))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static OptionalDouble timesLimit(Metric loop, Metric limit) {
        OptionalDouble loopNanos = TimeUnits.nanosPerOperation(loop.score(), loop.unit());
        OptionalDouble limitNanos = TimeUnits.nanosPerOperation(limit.score(), limit.unit());
        if (loopNanos.isEmpty() || limitNanos.isEmpty()) {
            return OptionalDouble.empty();
        }
        double ratio = loopNanos.getAsDouble() / limitNanos.getAsDouble();
        return Double.isFinite(ratio) && ratio > 0 ? OptionalDouble.of(ratio) : OptionalDouble.empty();
    }

    private static BenchmarkKey withoutImpl(BenchmarkKey key) {
        TreeMap<String, String> params = new TreeMap<>(key.params());
        params.remove(IMPL_PARAM);
        return new BenchmarkKey(key.benchmark(), key.mode(), params);
    }

    private static String implOf(BenchmarkKey key) {
        return key.params().getOrDefault(IMPL_PARAM, NO_IMPL);
    }
}
