package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.text.Table;

import java.util.List;
import java.util.Locale;

/** The cells both comparison renderers show, so that the terminal and the PR comment say the same thing. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The metrics given, one row each. */
    static Table of(List<MetricComparison> rows) {
        Table table = new Table("Benchmark", "Mode", "Params", "Metric", "Base>", "New>", "Unit", "Change>", "Interval",
                "Threshold>", "Verdict", "Note");
        for (MetricComparison row : rows) {
            Change change = row.change();
            table.add(row.key().simpleName(), row.key().mode(), BenchmarkKey.paramsLabel(row.key().params()), row.metric(),
                    Numbers.score(change.baseMean()), Numbers.score(change.newMean()), row.unit(),
                    Numbers.signedPercent(change.percent()), interval(change), "±" + Numbers.plain(row.thresholdPct()) + "%",
                    row.gated() ? change.verdict().label() : change.verdict().label() + " (not gated)", change.note());
        }
        return table;
    }

    /** {@code 1 slower, 0 faster, 9 unchanged, 2 undecided} over the gated metrics. */
    static String counts(RunComparison comparison) {
        return List.of(Verdict.values()).stream()
                .map(verdict -> comparison.gated(verdict).size() + " " + verdict.label())
                .reduce((a, b) -> a + ", " + b).orElse("") + " (gated metrics)";
    }

    /** The one-line outcome of the gate. */
    static String outcome(RunComparison comparison) {
        if (!comparison.broken().isEmpty()) {
            return "FAIL: the new run is broken (" + comparison.broken().size() + " row(s))";
        }
        if (comparison.hasRegression()) {
            return "FAIL: " + comparison.gated(Verdict.SLOWER).size() + " gated metric(s) slower";
        }
        return "PASS: nothing slower";
    }

    /** The machine's noise per round, worst fork of each; flagged rounds had heavy interference or a failed fork. */
    static Table noise(RoundSchedule schedule) {
        Table table = new Table("Round>", "Forks>", "Failed>", "Max steal>", "Max other CPU>", "Heavy forks>", "Flag");
        for (RoundSchedule.Round round : schedule.rounds()) {
            table.add(Integer.toString(round.round()), Integer.toString(round.forks()), Integer.toString(round.failed()),
                    Double.isNaN(round.maxSteal()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", round.maxSteal()),
                    Double.isNaN(round.maxOtherCores()) ? "n/a" : String.format(Locale.ROOT, "%.2f cores", round.maxOtherCores()),
                    Integer.toString(round.heavyForks()), round.flagged() ? "FLAGGED" : "");
        }
        return table;
    }

    static String noiseSummary(RoundSchedule schedule) {
        long flagged = schedule.rounds().stream().filter(RoundSchedule.Round::flagged).count();
        return schedule.rounds().size() + " rounds, " + flagged + " flagged for heavy interference or a failed fork";
    }

    static String unmatched(UnmatchedRow row) {
        return row.key().label() + ": " + String.join(", ", row.metrics());
    }

    static String description(RunComparison comparison) {
        ComparisonSettings settings = comparison.settings();
        Thresholds thresholds = settings.thresholds();
        return (settings.paired() ? "paired by round" : "unpaired") + ", threshold ±" + Numbers.plain(thresholds.defaultPct())
                + "%" + (thresholds.overrides().isEmpty() ? "" : " (" + thresholds.overrides().size() + " override(s))")
                + ", gate false-alarm rate " + Numbers.plain(settings.familyAlpha() * 100) + "%"
                + (settings.maxLooks() > 1 ? " over " + settings.maxLooks() + " looks" : "");
    }

    private static String interval(Change change) {
        if (!change.ratio().hasInterval()) {
            return "n/a";
        }
        return "[" + Numbers.signedPercent(change.lowPercent()) + ", " + Numbers.signedPercent(change.highPercent()) + "]";
    }
}
