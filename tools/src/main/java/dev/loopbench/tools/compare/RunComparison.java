package dev.loopbench.tools.compare;

import java.util.List;

/**
 * The outcome of comparing two runs: what {@link RunComparator} computed and the renderers show.
 *
 * @param baseSource   where the base run came from
 * @param newSource    where the new run came from
 * @param thresholdPct the smallest change, in percent, that counts
 * @param comparisons  the metrics found in both runs, in the base run's order
 * @param onlyInBase   rows and metrics the new run lacks
 * @param onlyInNew    rows and metrics the base run lacks
 * @param warnings     reasons to distrust the comparison as a whole, e.g. different JDKs
 */
public record RunComparison(String baseSource, String newSource, double thresholdPct,
                            List<MetricComparison> comparisons, List<UnmatchedRow> onlyInBase,
                            List<UnmatchedRow> onlyInNew, List<String> warnings) {

    public RunComparison {
        comparisons = List.copyOf(comparisons);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        warnings = List.copyOf(warnings);
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.change().verdict() == verdict).count();
    }

    /** True when some metric is slower beyond the threshold with confidence. */
    public boolean hasRegression() {
        return count(Verdict.SLOWER) > 0;
    }
}
