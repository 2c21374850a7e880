package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.text.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a new run with a base run, metric by metric. A pure function: no I/O, no clock, no randomness, so the
 * same two files always give the same verdicts.
 *
 * <p><b>What is compared.</b> Rows are matched by benchmark, mode and parameter values. Of each matched row,
 * the primary metric and the hdr latency percentiles ({@code hdr.p50} ... {@code hdr.max}) are compared. Rows
 * and metrics that only one run has are listed, not compared.
 *
 * <p><b>Method.</b>
 * <ol>
 *   <li>Each fork's score is the mean of its measurement iterations. Forks, not iterations, are the independent
 *       samples: JIT decisions and memory layout differ between forks, not within one. JMH's {@code scoreError}
 *       pools the iterations of all forks and so understates run-to-run variance; it is not used.</li>
 *   <li>The change is the ratio of the geometric-mean fork scores, new/base, with a 95% Welch t interval on the
 *       logarithms of the fork scores ({@link WelchLogRatio}): with 2 to 5 forks a side, a t interval widens as
 *       few samples demand, where a bootstrap would be too narrow.</li>
 *   <li>The interval is read as a change in the worse direction: up for times, down for throughputs
 *       ({@link Direction}). With threshold t: <em>slower</em> if the whole interval is more than t worse;
 *       <em>faster</em> if the whole interval is more than t better; <em>unchanged</em> if the whole interval
 *       lies within ±t; <em>inconclusive</em> otherwise. A threshold, rather than "the interval excludes 0",
 *       keeps the small systematic shifts between runs on a shared machine from being reported as changes.</li>
 *   <li>With fewer than 2 forks on either side there is no interval to judge: the verdict is inconclusive
 *       unless the means differ by a factor of {@value ChangeJudge#SINGLE_FORK_FACTOR} or more in either
 *       direction, a change large enough to report even from one fork.</li>
 *   <li>A missing, NaN, infinite or non-positive fork score makes the verdict inconclusive, with a note.</li>
 * </ol>
 * Runs whose metadata differ in JDK, JVM flags, CPU model or cores are compared all the same, with a warning:
 * absolute times are tied to their machine.
 */
public final class RunComparator {

    /** A change below 10% is within what two runs of the same code on a shared 2-vCPU machine show. */
    public static final double DEFAULT_THRESHOLD_PCT = 10;

    private RunComparator() {
    }

    /** Compares every metric both runs have; {@code thresholdPct} is the smallest change that counts, e.g. 10. */
    public static RunComparison compare(Run baseRun, Run newRun, double thresholdPct) {
        List<String> warnings = new ArrayList<>(MetadataCheck.warnings(baseRun, newRun));
        Map<BenchmarkKey, BenchmarkResult> base = byKey(baseRun, warnings);
        Map<BenchmarkKey, BenchmarkResult> next = byKey(newRun, warnings);

        List<MetricComparison> comparisons = new ArrayList<>();
        List<UnmatchedRow> onlyInBase = new ArrayList<>();
        List<UnmatchedRow> onlyInNew = new ArrayList<>();
        for (BenchmarkResult baseResult : base.values()) {
            BenchmarkResult newResult = next.get(baseResult.key());
            if (newResult == null) {
                onlyInBase.add(new UnmatchedRow(baseResult.key(), comparedMetrics(baseResult)));
                continue;
            }
            List<String> baseOnly = new ArrayList<>();
            for (String name : comparedMetrics(baseResult)) {
                Metric baseMetric = baseResult.metric(name).orElseThrow();
                newResult.metric(name).ifPresentOrElse(
                        newMetric -> comparisons.add(compareMetric(baseResult.key(), name, baseMetric, newMetric, thresholdPct)),
                        () -> baseOnly.add(name));
            }
            List<String> newOnly = comparedMetrics(newResult).stream().filter(name -> baseResult.metric(name).isEmpty()).toList();
            addIfAny(onlyInBase, baseResult.key(), baseOnly);
            addIfAny(onlyInNew, baseResult.key(), newOnly);
        }
        next.values().stream()
                .filter(result -> !base.containsKey(result.key()))
                .forEach(result -> onlyInNew.add(new UnmatchedRow(result.key(), comparedMetrics(result))));
        return new RunComparison(baseRun.source(), newRun.source(), thresholdPct, comparisons, onlyInBase, onlyInNew, warnings);
    }

    /** The method in a few lines, for the footer of a report; the class comment above is the full account. */
    public static List<String> methodSummary(double thresholdPct) {
        String t = Numbers.plain(thresholdPct) + "%";
        return List.of(
                "Rows are matched by benchmark, mode and parameters; the primary score and the hdr latency percentiles are compared.",
                "Each fork's score is the mean of its iterations; forks, not iterations, are the independent samples (JMH's pooled scoreError is not used).",
                "Change = geomean(new forks) / geomean(base forks) - 1, with a 95% Welch t interval on the log fork scores.",
                "The interval is read in the worse direction (times up, throughputs down): slower if it lies wholly beyond +"
                        + t + ", faster if wholly beyond -" + t + ", unchanged if wholly within ±" + t + ", else inconclusive.",
                "With fewer than 2 forks a side there is no interval: only a change by a factor of "
                        + Numbers.plain(ChangeJudge.SINGLE_FORK_FACTOR) + " is called; NaN or missing scores are inconclusive.");
    }

    private static MetricComparison compareMetric(BenchmarkKey key, String name, Metric base, Metric next, double thresholdPct) {
        Direction direction = Direction.of(key.mode(), base.unit());
        Change change = base.unit().equals(next.unit())
                ? ChangeJudge.judge(direction, base.forkScores(), next.forkScores(), thresholdPct)
                : unitsDiffer(base, next);
        return new MetricComparison(key, name, base.unit(), direction, change);
    }

    private static Change unitsDiffer(Metric base, Metric next) {
        double[] baseForks = base.forkScores();
        double[] newForks = next.forkScores();
        return new Change(baseForks.length, newForks.length, base.score(), next.score(), RatioInterval.pointOnly(Double.NaN),
                Verdict.INCONCLUSIVE, "units differ: base " + base.unit() + ", new " + next.unit());
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
