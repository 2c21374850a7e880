package dev.loopbench.tools.summary;

import dev.loopbench.tools.compare.GeometricMeanRatio;
import dev.loopbench.tools.compare.LogRatioEstimators;
import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.TimeUnits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Reads a run's results as figures per implementation, marks the best implementation of each figure and reads
 * each loop's primary score against its physical limit measured in the same run. A pure function.
 *
 * <p>The limit ratio ({@link LimitRatio}) is "times worse than the limit": score/limit for times, limit/score for
 * throughputs, each fork first converted to nanoseconds per operation, so that {@code us/op} and {@code ns/op}, or
 * {@code ops/us} and {@code ops/s}, can be read against each other; with the run's schedule each loop fork is read
 * against the limit's fork of the same round. A loop is "best" only when its forks all beat every other loop's
 * forks: loops within each other's fork-to-fork spread have no best.
 */
public final class RunSummarizer {

    /** The parameter that names the implementation; every loop benchmark has it. */
    public static final String IMPL_PARAM = "impl";

    /** The implementation shown for benchmarks without an {@value #IMPL_PARAM} parameter, such as the limits. */
    public static final String NO_IMPL = "-";

    private RunSummarizer() {
    }

    /** Confidence of a limit ratio's interval. */
    private static final double LIMIT_ALPHA = 0.05;

    /**
     * A spinning limit is no floor for a loop that slept: one woken more than this often per task paid wakeups a
     * spin hand-off never pays.
     */
    static final double MAX_WAKEUPS_PER_OP_FOR_SPIN_LIMIT = 0.01;

    /** The run's figures, limit ratios unpaired (no schedule). */
    public static RunSummary summarize(List<BenchmarkResult> results) {
        return summarize(results, Optional.empty());
    }

    /** The run's figures, limit ratios paired by round where {@code schedule} (the run's own) says the rounds. */
    public static RunSummary summarize(List<BenchmarkResult> results, Optional<RoundSchedule> schedule) {
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
        figures.forEach((key, impls) -> summary.add(figure(key, impls, results, schedule, missingLimits)));
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

    private static Figure figure(FigureKey key, Map<String, Metric> impls, List<BenchmarkResult> results,
                                 Optional<RoundSchedule> schedule, Set<String> missingLimits) {
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
        Set<String> notBounded = limitName.map(name -> notBoundedBy(name, key.benchmark(), results)).orElse(Set.of());
        List<ImplScore> scores = new ArrayList<>();
        impls.forEach((impl, metric) -> scores.add(new ImplScore(impl, metric,
                limit.filter(l -> !notBounded.contains(impl))
                        .flatMap(l -> timesLimit(metric, l, rowOf(key.benchmark(), impl, results), limitRow.get(), schedule)),
                best.map(impl::equals).orElse(false))));
        return new Figure(key, direction, scores);
    }

    /**
     * The implementations of {@code benchmark}'s rows that {@code limit} does not bound: for a limit that bounds
     * only woken loops, those that counted the wakeups issued to them and were never woken (a loop that polls on a
     * timer still sleeps, so its context switches are no test); for a spinning limit, those whose thread slept
     * more than {@link #MAX_WAKEUPS_PER_OP_FOR_SPIN_LIMIT} times per task.
     */
    private static Set<String> notBoundedBy(String limit, BenchmarkKey benchmark, List<BenchmarkResult> results) {
        String metric;
        DoublePredicate unbounded;
        if (PhysicalLimits.boundsOnlyWokenLoops(limit)) {
            metric = MetricNames.WAKEUPS_ISSUED_PER_OP;
            unbounded = wakeups -> wakeups == 0;
        } else if (PhysicalLimits.boundsOnlyAwakeLoops(limit)) {
            metric = MetricNames.WAKEUPS_PER_OP;
            unbounded = wakeups -> wakeups > MAX_WAKEUPS_PER_OP_FOR_SPIN_LIMIT;
        } else {
            return Set.of();
        }
        return results.stream()
                .filter(row -> withoutImpl(row.key()).equals(benchmark))
                .filter(row -> unbounded.test(row.metric(metric).map(Metric::score).orElse(Double.NaN)))
                .map(row -> implOf(row.key()))
                .collect(Collectors.toSet());
    }

    private static BenchmarkResult rowOf(BenchmarkKey benchmark, String impl, List<BenchmarkResult> results) {
        return results.stream().filter(row -> withoutImpl(row.key()).equals(benchmark) && implOf(row.key()).equals(impl))
                .findFirst().orElseThrow();
    }

    /**
     * The best implementation by finite score, when there are at least two to choose from, each with two or more
     * forks, and the best one's forks all beat every other one's forks: a lead within the fork-to-fork spread is
     * no lead.
     */
    private static Optional<String> best(Map<String, Metric> impls, Direction direction) {
        List<Map.Entry<String, Metric>> finite = impls.entrySet().stream()
                .filter(e -> Double.isFinite(e.getValue().score()))
                .toList();
        if (finite.size() < 2 || finite.stream().anyMatch(e -> e.getValue().forkScores().length < 2)) {
            return Optional.empty();
        }
        Map.Entry<String, Metric> best = finite.get(0);
        for (Map.Entry<String, Metric> candidate : finite) {
            if (direction.timesWorse(candidate.getValue().score(), best.getValue().score()) < 1) {
                best = candidate;
            }
        }
        double bestWorstFork = worstFork(best.getValue(), direction);
        Map.Entry<String, Metric> leader = best;
        boolean clear = finite.stream().filter(other -> other != leader)
                .allMatch(other -> direction.timesWorse(bestFork(other.getValue(), direction), bestWorstFork) > 1);
        return clear ? Optional.of(best.getKey()) : Optional.empty();
    }

    private static double worstFork(Metric metric, Direction direction) {
        DoubleStream forks = Arrays.stream(metric.forkScores());
        return (direction == Direction.LOWER_IS_BETTER ? forks.max() : forks.min()).orElse(Double.NaN);
    }

    private static double bestFork(Metric metric, Direction direction) {
        DoubleStream forks = Arrays.stream(metric.forkScores());
        return (direction == Direction.LOWER_IS_BETTER ? forks.min() : forks.max()).orElse(Double.NaN);
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

    /**
     * The loop's figure over its limit, in nanoseconds per operation both: per round where the run's schedule pairs
     * the two rows' forks, else of the forks' geometric means.
     */
    private static Optional<LimitRatio> timesLimit(Metric loop, Metric limit, BenchmarkResult loopRow,
                                                   BenchmarkResult limitRow, Optional<RoundSchedule> schedule) {
        double[] loopNanos = nanos(loop);
        double[] limitNanos = nanos(limit);
        if (loopNanos.length == 0 || limitNanos.length == 0) {
            return Optional.empty();
        }
        Optional<double[][]> pairs = schedule.flatMap(rounds -> byRound(rounds, loopRow.key(), loopNanos,
                limitRow.key(), limitNanos));
        GeometricMeanRatio ratio = pairs
                .map(p -> LogRatioEstimators.ratio(p[1], p[0], true, LIMIT_ALPHA))
                .orElseGet(() -> LogRatioEstimators.ratio(limitNanos, loopNanos, false, LIMIT_ALPHA));
        return Double.isFinite(ratio.ratio()) && ratio.ratio() > 0
                ? Optional.of(new LimitRatio(ratio.ratio(), ratio.low(), ratio.high(), pairs.isPresent()))
                : Optional.empty();
    }

    /** Each fork's score in nanoseconds per operation; empty when a fork's unit cannot be converted. */
    private static double[] nanos(Metric metric) {
        double[] forks = metric.forkScores();
        double[] nanos = new double[forks.length];
        for (int i = 0; i < forks.length; i++) {
            OptionalDouble converted = TimeUnits.nanosPerOperation(forks[i], metric.unit());
            if (converted.isEmpty()) {
                return new double[0];
            }
            nanos[i] = converted.getAsDouble();
        }
        return nanos;
    }

    /**
     * The loop's and the limit's forks of the rounds both ran, {@code {loop, limit}}, where the schedule of a
     * one-sided run records every fork of both rows; empty otherwise.
     */
    private static Optional<double[][]> byRound(RoundSchedule schedule, BenchmarkKey loopKey, double[] loop,
                                                BenchmarkKey limitKey, double[] limit) {
        if (schedule.sides().size() != 1) {
            return Optional.empty();
        }
        String side = schedule.sides().keySet().iterator().next();
        int[] loopRounds = schedule.roundsOf(side, loopKey);
        int[] limitRounds = schedule.roundsOf(side, limitKey);
        if (loopRounds.length != loop.length || limitRounds.length != limit.length) {
            return Optional.empty();
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < loopRounds.length; i++) {
            for (int j = 0; j < limitRounds.length; j++) {
                if (loopRounds[i] == limitRounds[j]) {
                    pairs.add(new double[] {loop[i], limit[j]});
                }
            }
        }
        return Optional.of(new double[][] {pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray()});
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
