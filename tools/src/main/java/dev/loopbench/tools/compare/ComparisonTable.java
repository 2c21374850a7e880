package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.text.Table;

import java.util.List;
import java.util.stream.Collectors;

/** The cells both comparison renderers show, so that the terminal and the PR comment say the same thing. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static Table of(RunComparison comparison) {
        Table table = new Table("Benchmark", "Mode", "Params", "Metric", "Base>", "New>", "Unit", "Change>", "95% interval",
                "Verdict", "Note");
        for (MetricComparison row : comparison.comparisons()) {
            Change change = row.change();
            table.add(row.key().simpleName(), row.key().mode(), BenchmarkKey.paramsLabel(row.key().params()), row.metric(),
                    Numbers.score(change.baseMean()), Numbers.score(change.newMean()), row.unit(),
                    Numbers.signedPercent(change.percent()), interval(change), change.verdict().label(), change.note());
        }
        return table;
    }

    static String counts(RunComparison comparison) {
        return List.of(Verdict.SLOWER, Verdict.FASTER, Verdict.UNCHANGED, Verdict.INCONCLUSIVE).stream()
                .map(verdict -> comparison.count(verdict) + " " + verdict.label())
                .collect(Collectors.joining(", "));
    }

    static String unmatched(UnmatchedRow row) {
        return row.key().label() + ": " + String.join(", ", row.metrics());
    }

    private static String interval(Change change) {
        if (!change.ratio().hasInterval()) {
            return "n/a";
        }
        return "[" + Numbers.signedPercent(change.lowPercent()) + ", " + Numbers.signedPercent(change.highPercent()) + "]";
    }
}
