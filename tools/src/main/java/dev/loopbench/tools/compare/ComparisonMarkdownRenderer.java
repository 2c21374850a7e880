package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.RoundSchedule;

import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link RunComparison} as markdown for a pull-request comment and the job summary, in the order a
 * reviewer reads: the outcome, what is broken, regressions, improvements, the counts, then the full table and the
 * method folded away.
 */
public final class ComparisonMarkdownRenderer {

    private ComparisonMarkdownRenderer() {
    }

    /** The comparison, and the machine's noise per round, folded, when the run's schedule is given. */
    public static String render(RunComparison comparison, Optional<RoundSchedule> schedule) {
        String markdown = render(comparison);
        if (schedule.isEmpty()) {
            return markdown;
        }
        return markdown + "\n<details><summary>Machine noise per round: " + ComparisonTable.noiseSummary(schedule.get())
                + "</summary>\n\n" + ComparisonTable.noise(schedule.get()).toMarkdown() + "\n</details>\n";
    }

    public static String render(RunComparison comparison) {
        StringBuilder markdown = new StringBuilder("## Benchmark gate: ")
                .append(comparison.gateFails() ? "❌ " : comparison.inconclusive() ? "❔ " : "✅ ").append(ComparisonTable.outcome(comparison)).append("\n\n");
        markdown.append('`').append(comparison.newSource()).append("` against `").append(comparison.baseSource())
                .append("`: ").append(ComparisonTable.description(comparison)).append(".\n\n");
        if (!comparison.warnings().isEmpty()) {
            markdown.append("> [!WARNING]\n");
            comparison.warnings().forEach(warning -> markdown.append("> - ").append(warning).append('\n'));
            markdown.append('\n');
        }
        if (!comparison.broken().isEmpty()) {
            markdown.append("### Broken (fails the gate)\n\n");
            comparison.broken().forEach(line -> markdown.append("- ").append(line).append('\n'));
            markdown.append('\n');
        }
        appendRows(markdown, "Regressions (fail the gate)", comparison.gated(Verdict.SLOWER));
        appendRows(markdown, "Improvements", comparison.gated(Verdict.FASTER));
        appendRows(markdown, "Beyond doubt, under the threshold (do not fail the gate)",
                ComparisonTable.underThreshold(comparison));
        markdown.append("**").append(ComparisonTable.counts(comparison)).append("**\n\n");
        markdown.append("<details><summary>All ").append(comparison.comparisons().size())
                .append(" metrics</summary>\n\n").append(ComparisonTable.of(comparison.comparisons()).toMarkdown())
                .append("\n</details>\n\n");
        appendUnmatched(markdown, "Only in base", comparison.onlyInBase());
        appendUnmatched(markdown, "Only in new", comparison.onlyInNew());
        markdown.append("<details><summary>How the verdicts are reached</summary>\n\n");
        RunComparator.methodSummary(comparison.settings()).forEach(line -> markdown.append("- ").append(line).append('\n'));
        markdown.append("\n</details>\n");
        return markdown.toString();
    }

    private static void appendRows(StringBuilder markdown, String title, List<MetricComparison> rows) {
        if (!rows.isEmpty()) {
            markdown.append("### ").append(title).append(" (").append(rows.size()).append(")\n\n")
                    .append(ComparisonTable.of(rows).toMarkdown()).append('\n');
        }
    }

    private static void appendUnmatched(StringBuilder markdown, String title, List<UnmatchedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        markdown.append("<details><summary>").append(title).append(" (").append(rows.size()).append(")</summary>\n\n");
        rows.forEach(row -> markdown.append("- `").append(ComparisonTable.unmatched(row)).append("`\n"));
        markdown.append("\n</details>\n\n");
    }
}
