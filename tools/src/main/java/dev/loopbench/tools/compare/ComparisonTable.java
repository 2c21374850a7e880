package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.text.Table;

import java.util.ArrayList;
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

    /** Intervals wider than this factor either way say only that nothing is known. */
    private static final double SHOWN_FACTOR = 11;

    /** {@code 1 slower; 0 faster; 9 unchanged; 2 undecided} over the gated metrics, verdicts no metric has left out. */
    static String counts(RunComparison comparison) {
        String counts = List.of(Verdict.values()).stream()
                .filter(verdict -> !comparison.gated(verdict).isEmpty() || verdict == Verdict.SLOWER)
                .map(verdict -> comparison.gated(verdict).size() + " " + verdict.label())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return counts + " (gated metrics)" + (comparison.gated(Verdict.UNDECIDED).isEmpty() ? ""
                : "; undecided ones need more rounds, or their note says why they cannot be decided");
    }

    /**
     * The one-line outcome of the gate: {@code FAIL} (exit 1), {@code INCONCLUSIVE} (exit 3: no gated metric
     * decided, with the smallest change these runs could have resolved) or {@code PASS} (exit 0).
     */
    static String outcome(RunComparison comparison) {
        if (!comparison.broken().isEmpty()) {
            return "FAIL: the new run is broken (" + comparison.broken().size() + " row(s))";
        }
        if (comparison.hasRegression()) {
            return "FAIL: " + comparison.gated(Verdict.SLOWER).size() + " gated metric(s) slower";
        }
        if (comparison.inconclusive()) {
            return "INCONCLUSIVE: no gated metric could be decided; " + whyInconclusive(comparison);
        }
        return "PASS: nothing slower";
    }

    private static String whyInconclusive(RunComparison comparison) {
        if (comparison.comparisons().stream().noneMatch(MetricComparison::gated)) {
            return "the runs have no gated metric in common (docs/statistics.md lists them)";
        }
        if (comparison.tooFewForks()) {
            return "with fewer than " + ChangeJudge.MIN_SAMPLES + " forks (paired rounds) per side nothing can be"
                    + " decided; run more rounds";
        }
        return comparison.bestResolved().map(best -> "the smallest change these runs could have resolved is ±"
                        + shownPercent(best.change().halfWidthPercent()) + " (" + best.key().label() + " " + best.metric()
                        + ", threshold ±" + Numbers.plain(best.thresholdPct()) + "%); more rounds narrow it")
                .orElse("no gated metric has an interval (see the notes)");
    }

    private static String shownPercent(double percent) {
        return percent > (SHOWN_FACTOR - 1) * 100 ? "1000% or more" : String.format(Locale.ROOT, "%.1f%%", percent);
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

    /** The gated metrics that changed beyond doubt by less than their threshold, either way. */
    static List<MetricComparison> underThreshold(RunComparison comparison) {
        List<MetricComparison> rows = new ArrayList<>(comparison.gated(Verdict.SLOWER_UNDER_THRESHOLD));
        rows.addAll(comparison.gated(Verdict.FASTER_UNDER_THRESHOLD));
        return rows;
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
                + (settings.isLook() ? " (this look spends " + String.format(Locale.ROOT, "%.3g", settings.lookAlpha() * 100)
                + "% of it)" : "");
    }

    private static String interval(Change change) {
        if (!change.ratio().hasInterval()) {
            return "n/a";
        }
        if (Math.abs(Math.log(change.ratio().low())) > Math.log(SHOWN_FACTOR)
                || Math.abs(Math.log(change.ratio().high())) > Math.log(SHOWN_FACTOR)) {
            return "beyond ±1000%";
        }
        return "[" + Numbers.signedPercent(change.lowPercent()) + ", " + Numbers.signedPercent(change.highPercent()) + "]";
    }
}
