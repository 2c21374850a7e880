package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.RoundSchedule;

import java.util.List;
import java.util.Optional;

/** Renders a {@link RunComparison} as plain text for a terminal or a CI log: the outcome first, then the detail. */
public final class ComparisonTextRenderer {

    private ComparisonTextRenderer() {
    }

    /** The comparison, and the machine's noise per round when the run's schedule is given. */
    public static String render(RunComparison comparison, Optional<RoundSchedule> schedule) {
        StringBuilder text = new StringBuilder(render(comparison));
        schedule.ifPresent(rounds -> text.append("\nMachine noise per round (").append(ComparisonTable.noiseSummary(rounds))
                .append("):\n").append(ComparisonTable.noise(rounds).toText()));
        return text.toString();
    }

    public static String render(RunComparison comparison) {
        StringBuilder text = new StringBuilder();
        text.append(ComparisonTable.outcome(comparison)).append('\n');
        text.append("Comparing ").append(comparison.newSource()).append(" (new) with ").append(comparison.baseSource())
                .append(" (base): ").append(ComparisonTable.description(comparison)).append("\n");
        appendSection(text, "Warnings", comparison.warnings());
        appendSection(text, "Broken (fails the gate)", comparison.broken());
        appendRows(text, "Slower (fails the gate)", comparison.gated(Verdict.SLOWER));
        appendRows(text, "Faster", comparison.gated(Verdict.FASTER));
        appendRows(text, "Beyond doubt, under the threshold (do not fail the gate)", ComparisonTable.underThreshold(comparison));
        text.append('\n').append(ComparisonTable.counts(comparison)).append("\n\nAll metrics:\n");
        text.append(ComparisonTable.of(comparison.comparisons()).toText());
        appendSection(text, "Only in base", comparison.onlyInBase().stream().map(ComparisonTable::unmatched).toList());
        appendSection(text, "Only in new", comparison.onlyInNew().stream().map(ComparisonTable::unmatched).toList());
        return text.toString();
    }

    private static void appendRows(StringBuilder text, String title, List<MetricComparison> rows) {
        if (!rows.isEmpty()) {
            text.append('\n').append(title).append(":\n").append(ComparisonTable.of(rows).toText());
        }
    }

    private static void appendSection(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(":\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
