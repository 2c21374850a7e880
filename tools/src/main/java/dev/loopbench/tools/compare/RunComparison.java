package dev.loopbench.tools.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing two runs: what {@link RunComparator} computed and the renderers show.
 *
 * @param baseSource  where the base run came from
 * @param newSource   where the new run came from
 * @param settings    how the runs were compared
 * @param comparisons the metrics found in both runs, in the base run's order
 * @param broken      why the new run cannot be trusted, one line each: a row the base has and the new run lacks,
 *                    a row with NaN, zero or missing forks; any of these fails the gate
 * @param onlyInBase  metrics (not whole rows) the new run lacks
 * @param onlyInNew   rows and metrics the base run lacks
 * @param warnings    reasons to distrust the comparison as a whole, e.g. different JDKs
 */
public record RunComparison(String baseSource, String newSource, ComparisonSettings settings,
                            List<MetricComparison> comparisons, List<String> broken, List<UnmatchedRow> onlyInBase,
                            List<UnmatchedRow> onlyInNew, List<String> warnings) {

    public RunComparison {
        comparisons = List.copyOf(comparisons);
        broken = List.copyOf(broken);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        warnings = List.copyOf(warnings);
    }

    /** The gated metrics with this verdict. */
    public List<MetricComparison> gated(Verdict verdict) {
        return comparisons.stream().filter(c -> c.gated() && c.change().verdict() == verdict).toList();
    }

    /** True when some gated metric is slower: a regression. */
    public boolean hasRegression() {
        return !gated(Verdict.SLOWER).isEmpty();
    }

    /** What fails the gate: a regression or a broken new run. */
    public boolean gateFails() {
        return hasRegression() || !broken.isEmpty();
    }

    /** Whether more rounds could change the outcome: false once every gated metric has a verdict or the gate fails. */
    public boolean needsMoreRounds() {
        return !gateFails() && comparisons.stream().anyMatch(c -> c.gated() && !c.change().verdict().decided());
    }

    /** Nothing fails the gate, and no gated metric has a verdict: these runs cannot say whether anything changed. */
    public boolean inconclusive() {
        return !gateFails() && comparisons.stream().noneMatch(c -> c.gated() && c.change().verdict().decided());
    }

    /** Whether every gated metric has fewer paired rounds (or forks per side) than any verdict needs. */
    public boolean tooFewForks() {
        List<MetricComparison> gated = comparisons.stream().filter(MetricComparison::gated).toList();
        return !gated.isEmpty() && gated.stream().allMatch(c -> Math.min(c.change().baseForks(),
                c.change().newForks()) < ChangeJudge.MIN_SAMPLES);
    }

    /**
     * The gated metric with the narrowest interval: the smallest change these runs could have resolved is its
     * half-width; empty when no gated metric has an interval.
     */
    public Optional<MetricComparison> bestResolved() {
        return comparisons.stream().filter(c -> c.gated() && c.change().ratio().hasInterval())
                .min(Comparator.comparingDouble(c -> c.change().halfWidthPercent()));
    }
}
