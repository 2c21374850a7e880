package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.text.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a new run with a base run, metric by metric, and decides the gate. A pure function: no I/O, no clock,
 * no randomness, so the same two files always give the same verdicts. {@code docs/statistics.md} gives the
 * method with the measurements behind each choice; in short:
 * <ol>
 *   <li><b>Rows</b> are matched by benchmark, mode and parameter values. Of each row, the primary score and the
 *       hdr latency percentiles are compared; the primary score, {@code hdr.p50} and {@code hdr.p90} are
 *       <em>gated</em>, the tail percentiles only reported.</li>
 *   <li><b>A fork's score</b> is the median of its measurement iterations ({@link Metric#forkScores()}).</li>
 *   <li><b>The change</b> of a metric is estimated on the log scale: paired (A/B runs, fork {@code i} of both sides
 *       from round {@code i}) with a one-sample t on the per-round log ratios, which cancels the machine's drift;
 *       unpaired with Welch's t on the log fork scores.</li>
 *   <li><b>One error rate per gate run</b>: Holm's step-down procedure over the gated metrics' one-sided p-values
 *       of "worse" keeps the chance of any false <em>slower</em> at the family alpha (5%), divided by the number
 *       of looks a sequential A/B run may take. Intervals are shown at the matching Bonferroni level.</li>
 *   <li><b>Verdicts</b>, with threshold t: <em>slower</em> if worse beyond doubt (Holm) and the estimate is more
 *       than t worse; <em>faster</em> likewise in the better direction; <em>unchanged</em> if the whole interval
 *       lies within ±t; <em>undecided</em> otherwise.</li>
 *   <li><b>The gate fails</b> on a slower gated metric, or on a broken new run: a row the base has and the new run
 *       lacks, or a row whose new scores are NaN, zero or missing, or short of the base's rounds.</li>
 * </ol>
 */
public final class RunComparator {

    /** A change below 10% is within what two runs of the same code on a shared 2-vCPU machine show. */
    public static final double DEFAULT_THRESHOLD_PCT = 10;

    /** The metrics whose slower verdict fails the gate; tail percentiles are too noisy and only reported. */
    static final Set<String> GATED = Set.of(MetricNames.PRIMARY, MetricNames.HDR_MEDIAN, MetricNames.HDR_P90);

    private RunComparator() {
    }

    public static RunComparison compare(Run baseRun, Run newRun, ComparisonSettings settings) {
        List<String> warnings = new ArrayList<>(MetadataCheck.warnings(baseRun, newRun));
        Map<BenchmarkKey, BenchmarkResult> base = byKey(baseRun, warnings);
        Map<BenchmarkKey, BenchmarkResult> next = byKey(newRun, warnings);

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
            whyBroken(baseResult, newResult, settings.paired()).ifPresent(broken::add);
            List<String> baseOnly = new ArrayList<>();
            for (String name : comparedMetrics(baseResult)) {
                Metric baseMetric = baseResult.metric(name).orElseThrow();
                Optional<Metric> newMetric = newResult.metric(name);
                if (newMetric.isEmpty()) {
                    baseOnly.add(name);
                } else if (!baseMetric.unit().equals(newMetric.get().unit())) {
                    warnings.add(baseResult.key().label() + " " + name + ": units differ (base " + baseMetric.unit()
                            + ", new " + newMetric.get().unit() + "); not compared");
                } else {
                    candidates.add(new ChangeJudge.Candidate(baseResult.key(), name, baseMetric.unit(),
                            Direction.of(baseResult.key().mode(), baseMetric.unit()), GATED.contains(name),
                            settings.thresholds().pctFor(baseResult.key()), baseMetric.forkScores(),
                            newMetric.get().forkScores()));
                }
            }
            List<String> newOnly = comparedMetrics(newResult).stream().filter(name -> baseResult.metric(name).isEmpty()).toList();
            addIfAny(onlyInBase, baseResult.key(), baseOnly);
            addIfAny(onlyInNew, baseResult.key(), newOnly);
        }
        next.values().stream()
                .filter(result -> !base.containsKey(result.key()))
                .forEach(result -> onlyInNew.add(new UnmatchedRow(result.key(), comparedMetrics(result))));
        return new RunComparison(baseRun.source(), newRun.source(), settings, ChangeJudge.judge(candidates, settings),
                broken, onlyInBase, onlyInNew, warnings);
    }

    /** The method in a few lines, for the footer of a report; the class comment and docs/statistics.md say more. */
    public static List<String> methodSummary(ComparisonSettings settings) {
        return List.of(
                "Rows match by benchmark, mode and parameters. Gated: the primary score, hdr.p50 and hdr.p90; tail percentiles are reported only.",
                "A fork's score is the median of its iterations. " + (settings.paired()
                        ? "Paired by round: the change is the geometric mean of the per-round ratios new/base, with a one-sample t interval on their logs."
                        : "Unpaired: the change is the ratio of geometric-mean fork scores, with a Welch t interval on their logs."),
                "One error rate per gate run: Holm over the gated metrics at " + Numbers.plain(settings.familyAlpha() * 100)
                        + "%" + (settings.maxLooks() > 1 ? " / " + settings.maxLooks() + " looks" : "")
                        + "; intervals at the matching Bonferroni level.",
                "slower: worse beyond doubt and the estimate beyond the threshold; faster: likewise better; unchanged: the"
                        + " whole interval within ±threshold; undecided: otherwise (more rounds would tell).",
                "The gate fails on a slower gated metric, or a broken new run (a missing row, NaN, zero or missing forks).",
                "Method and its measured error rates: docs/statistics.md.");
    }

    /** Why the new run's row cannot be trusted, if it cannot. */
    private static Optional<String> whyBroken(BenchmarkResult baseResult, BenchmarkResult newResult, boolean paired) {
        double[] newForks = newResult.primaryMetric().forkScores();
        String label = newResult.key().label();
        if (newForks.length == 0) {
            return Optional.of(label + ": no forks in the new run");
        }
        if (Arrays.stream(newForks).anyMatch(s -> Double.isNaN(s) || Double.isInfinite(s) || s <= 0)) {
            return Optional.of(label + ": NaN, infinite or zero scores in the new run");
        }
        int baseForks = baseResult.primaryMetric().forkScores().length;
        if (paired && newForks.length < baseForks) {
            return Optional.of(label + ": " + newForks.length + " of " + baseForks + " rounds in the new run (a fork failed)");
        }
        return Optional.empty();
    }

    private static List<String> comparedMetrics(BenchmarkResult result) {
        return result.metricNames().stream()
                .filter(name -> MetricNames.PRIMARY.equals(name)
                        || MetricNames.isHdrLatency(name, result.metric(name).orElseThrow().unit()))
                .toList();
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
