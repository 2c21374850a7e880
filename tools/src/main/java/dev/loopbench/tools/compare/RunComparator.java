package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.TimeUnits;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.tune.TuningResults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a new run with a base run, metric by metric, and decides the gate. A pure function: no I/O, no clock,
 * no randomness, so the same two files always give the same verdicts. {@code docs/statistics.md} is the method;
 * in short: rows match by benchmark, mode and parameters; the metrics of {@link GatedMetrics} are gated, the
 * primary score and the hdr latency percentiles reported; a fork's score is the median of its iterations; paired
 * (by the schedule's rounds) or unpaired changes on the log scale with t intervals; Holm over the gated metrics at
 * the comparison's share of the false-alarm rate; verdicts against per-metric thresholds; and a broken new run
 * (a missing row, NaN, zero, or a paced sender short of its rate) fails the gate.
 */
public final class RunComparator {

    /** A change below 10% is within what two runs of the same code on a shared 2-vCPU machine show. */
    public static final double DEFAULT_THRESHOLD_PCT = 10;

    /**
     * A paced sender below this share of its offered rate fell behind: its latencies are of a queue, not of the
     * loop at that rate.
     */
    static final double MIN_ACHIEVED_RATE_SHARE = 0.99;

    private RunComparator() {
    }

    /** Compares with forks paired by position (paired settings) or not paired at all. */
    public static RunComparison compare(Run baseRun, Run newRun, ComparisonSettings settings) {
        return compare(baseRun, newRun, settings, Optional.empty());
    }

    /**
     * Compares the two sides of one interleaved A/B run as the gate does: paired by the rounds of its schedule, at
     * the share of the false-alarm rate that the run's looks left ({@link AlphaSpending#finalLevel}).
     *
     * @throws IllegalArgumentException when the settings ask for pairs and the schedule names neither file's side
     */
    public static RunComparison compareRounds(Run baseRun, Run newRun, ComparisonSettings settings,
                                              RoundSchedule schedule, String baseFile, String newFile) {
        Optional<RoundPairing> pairing = RoundPairing.of(schedule, baseFile, newFile);
        if (settings.paired() && pairing.isEmpty()) {
            throw new IllegalArgumentException("the schedule names no sides for " + baseFile + " and " + newFile
                    + " (by file name, or 'base' and 'head'); pass the rounds.json of the A/B run that wrote them");
        }
        return compare(baseRun, newRun, settings.atLevel(AlphaSpending.finalLevel(settings.familyAlpha(), schedule)),
                pairing);
    }

    /** Compares, pairing forks by the rounds of {@code pairing} where the settings ask for pairs. */
    public static RunComparison compare(Run baseRun, Run newRun, ComparisonSettings settings,
                                        Optional<RoundPairing> pairing) {
        List<String> warnings = new ArrayList<>(MetadataCheck.warnings(baseRun, newRun));
        if (settings.paired() && pairing.isEmpty()) {
            warnings.add("paired without the run's schedule (--schedule rounds.json): forks are paired by position,"
                    + " which a failed fork would shift");
        }
        Map<BenchmarkKey, BenchmarkResult> base = byKey(baseRun, warnings);
        Map<BenchmarkKey, BenchmarkResult> next = byKey(newRun, warnings);
        Optional<RoundPairing> byRound = settings.paired() ? pairing : Optional.empty();

        List<ChangeJudge.Candidate> candidates = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        List<UnmatchedRow> onlyInBase = new ArrayList<>();
        List<UnmatchedRow> onlyInNew = new ArrayList<>();
        for (BenchmarkResult baseResult : base.values()) {
            BenchmarkResult newResult = next.get(baseResult.key());
            if (newResult == null) {
                broken.add(baseResult.key().label() + ": in the base, missing from the new run (did it fail?)");
                continue;
            }
            whyBroken(baseResult, newResult, settings.paired() && byRound.isEmpty()).ifPresent(broken::add);
            Map<String, GatedMetrics.Rule> gated = GatedMetrics.of(baseResult, settings.thresholds()).stream()
                    .collect(Collectors.toMap(GatedMetrics.Rule::metric, Function.identity()));
            List<String> baseOnly = new ArrayList<>();
            for (String name : comparedMetrics(baseResult, gated.keySet())) {
                Metric baseMetric = baseResult.metric(name).orElseThrow();
                Optional<Metric> newMetric = newResult.metric(name);
                if (newMetric.isEmpty()) {
                    baseOnly.add(name);
                } else if (!baseMetric.unit().equals(newMetric.get().unit())) {
                    warnings.add(baseResult.key().label() + " " + name + ": units differ (base " + baseMetric.unit()
                            + ", new " + newMetric.get().unit() + "); not compared");
                } else {
                    candidates.add(candidate(baseResult.key(), name, baseMetric, newMetric.get(),
                            Optional.ofNullable(gated.get(name)), settings, byRound));
                }
            }
            List<String> newOnly = comparedMetrics(newResult, GatedMetrics.of(newResult, settings.thresholds()).stream()
                    .map(GatedMetrics.Rule::metric).collect(Collectors.toSet())).stream()
                    .filter(name -> baseResult.metric(name).isEmpty()).toList();
            addIfAny(onlyInBase, baseResult.key(), baseOnly);
            addIfAny(onlyInNew, baseResult.key(), newOnly);
        }
        next.values().stream()
                .filter(result -> !base.containsKey(result.key()))
                .forEach(result -> onlyInNew.add(new UnmatchedRow(result.key(), comparedMetrics(result, Set.of()))));
        return new RunComparison(baseRun.source(), newRun.source(), settings, ChangeJudge.judge(candidates, settings),
                broken, onlyInBase, onlyInNew, warnings);
    }

    private static ChangeJudge.Candidate candidate(BenchmarkKey key, String name, Metric baseMetric, Metric newMetric,
                                                   Optional<GatedMetrics.Rule> rule, ComparisonSettings settings,
                                                   Optional<RoundPairing> byRound) {
        double[] base = baseMetric.forkScores();
        double[] next = newMetric.forkScores();
        String note = "";
        if (byRound.isPresent()) {
            Optional<RoundPairing.Pairs> pairs = byRound.get().pair(key, base, next);
            if (pairs.isPresent()) {
                base = pairs.get().base();
                next = pairs.get().next();
                note = pairs.get().note();
            } else {
                note = "the schedule's rounds do not match the forks in the JSONs; paired by position";
            }
        }
        return new ChangeJudge.Candidate(key, name, baseMetric.unit(), Direction.of(key.mode(), baseMetric.unit()),
                rule.isPresent(), rule.map(GatedMetrics.Rule::thresholdPct).orElse(settings.thresholds().pctFor(key)),
                rule.map(GatedMetrics.Rule::floor).orElse(0.0), base, next, note);
    }

    /** The method in a few lines, for the footer of a report; docs/statistics.md says more. */
    public static List<String> methodSummary(ComparisonSettings settings) {
        return List.of(
                "Rows match by benchmark, mode and parameters. Gated: " + String.join(", ", GatedMetrics.names())
                        + " (where a row has them); the primary score and hdr percentiles are reported only.",
                "A fork's score is the median of its iterations. " + (settings.paired()
                        ? "Paired by round: the change is the geometric mean of the per-round ratios new/base, with a one-sample t interval on their logs."
                        : "Unpaired: the change is the ratio of geometric-mean fork scores, with a Welch t interval on their logs."),
                "One error rate per gate run, " + Numbers.plain(settings.familyAlpha() * 100) + "%: Holm over the gated metrics"
                        + (settings.isLook() ? " at this comparison's share of it, " + Numbers.plain(roundedPercent(settings.lookAlpha()))
                        + "%, what the run's earlier looks left (docs/statistics.md, sequential stopping)" : "")
                        + "; intervals at the matching Bonferroni level.",
                "slower / faster: worse / better beyond doubt by more than the threshold; 'under threshold' when beyond"
                        + " doubt but less; unchanged: the whole interval within ±threshold; undecided: otherwise.",
                "The gate fails on a slower gated metric, or a broken new run (a missing row, NaN, zero or missing forks,"
                        + " a paced sender below " + Numbers.plain(MIN_ACHIEVED_RATE_SHARE * 100) + "% of its rate).",
                "Method and its measured error rates: docs/statistics.md.");
    }

    private static double roundedPercent(double alpha) {
        return Math.round(alpha * 100 * 10_000) / 10_000.0;
    }

    /** Why the new run's row cannot be trusted, if it cannot. */
    private static Optional<String> whyBroken(BenchmarkResult baseResult, BenchmarkResult newResult,
                                              boolean pairedByPosition) {
        double[] newForks = newResult.primaryMetric().forkScores();
        String label = newResult.key().label();
        if (newForks.length == 0) {
            return Optional.of(label + ": no forks in the new run");
        }
        if (Arrays.stream(newForks).anyMatch(s -> Double.isNaN(s) || Double.isInfinite(s) || s <= 0)) {
            return Optional.of(label + ": NaN, infinite or zero scores in the new run");
        }
        int baseForks = baseResult.primaryMetric().forkScores().length;
        if (pairedByPosition && newForks.length < baseForks) {
            return Optional.of(label + ": " + newForks.length + " of " + baseForks + " rounds in the new run (a fork failed)");
        }
        return behindItsRate(newResult).map(share -> label + ": the paced sender achieved only "
                + Numbers.plain(Math.round(share * 1000) / 10.0) + "% of its offered rate in a fork (below "
                + Numbers.plain(MIN_ACHIEVED_RATE_SHARE * 100) + "%): the loop did not keep up");
    }

    /**
     * The lowest achieved share of the offered rate of a paced-sender row (one with the rate parameter, whose
     * primary score is its achieved send rate), when a fork fell below {@link #MIN_ACHIEVED_RATE_SHARE}.
     */
    private static Optional<Double> behindItsRate(BenchmarkResult row) {
        String offered = row.key().params().get(TuningResults.RATE_PARAM);
        if (offered == null || !"thrpt".equals(row.key().mode())) {
            return Optional.empty();
        }
        double offeredPerSecond = Double.parseDouble(offered);
        Metric achieved = row.primaryMetric();
        double lowest = Arrays.stream(achieved.forkScores())
                .map(score -> perSecond(score, achieved.unit()).orElse(Double.NaN))
                .min().orElse(Double.NaN);
        double share = lowest / offeredPerSecond;
        return share < MIN_ACHIEVED_RATE_SHARE ? Optional.of(share) : Optional.empty();
    }

    private static OptionalDouble perSecond(double score, String unit) {
        OptionalDouble nanos = TimeUnits.nanosPerOperation(score, unit);
        return nanos.isPresent() ? OptionalDouble.of(1e9 / nanos.getAsDouble()) : OptionalDouble.empty();
    }

    /** The primary score and hdr latencies, reported, and the row's gated metrics. */
    private static List<String> comparedMetrics(BenchmarkResult result, Set<String> gated) {
        Set<String> names = new LinkedHashSet<>();
        result.metricNames().stream()
                .filter(name -> MetricNames.PRIMARY.equals(name) || gated.contains(name)
                        || MetricNames.isHdrLatency(name, result.metric(name).orElseThrow().unit()))
                .forEach(names::add);
        return List.copyOf(names);
    }

    private static Map<BenchmarkKey, BenchmarkResult> byKey(Run run, List<String> warnings) {
        Map<BenchmarkKey, BenchmarkResult> byKey = new LinkedHashMap<>();
        for (BenchmarkResult result : run.results()) {
            if (byKey.putIfAbsent(result.key(), result) != null) {
                warnings.add(run.source() + " has " + result.key().label() + " more than once; the first is compared");
            }
        }
        return byKey;
    }

    private static void addIfAny(List<UnmatchedRow> rows, BenchmarkKey key, List<String> metrics) {
        if (!metrics.isEmpty()) {
            rows.add(new UnmatchedRow(key, metrics));
        }
    }
}
