package dev.loopbench.tools.compare;

import dev.loopbench.tools.text.Numbers;

import java.util.List;

/**
 * Renders a {@link RunComparison} as markdown for a pull-request comment: the verdict counts first, the table,
 * what could not be compared, and a footer that says how the verdicts were reached.
 */
public final class ComparisonMarkdownRenderer {

    private ComparisonMarkdownRenderer() {
    }

    public static String render(RunComparison comparison) {
        StringBuilder markdown = new StringBuilder("## Benchmark comparison\n\n");
        markdown.append('`').append(comparison.newSource()).append("` against `").append(comparison.baseSource())
                .append("`, threshold ±").append(Numbers.plain(comparison.thresholdPct())).append("%: ")
                .append(comparison.hasRegression() ? "**" + ComparisonTable.counts(comparison) + "**" : ComparisonTable.counts(comparison))
                .append(".\n\n");
        if (!comparison.warnings().isEmpty()) {
            markdown.append("> [!WARNING]\n");
            comparison.warnings().forEach(warning -> markdown.append("> - ").append(warning).append('\n'));
            markdown.append('\n');
        }
        markdown.append(ComparisonTable.of(comparison).toMarkdown()).append('\n');
        appendUnmatched(markdown, "Only in base", comparison.onlyInBase());
        appendUnmatched(markdown, "Only in new", comparison.onlyInNew());
        markdown.append("<details><summary>How the verdicts are reached</summary>\n\n");
        RunComparator.methodSummary(comparison.thresholdPct()).forEach(line -> markdown.append("- ").append(line).append('\n'));
        markdown.append("\n</details>\n");
        return markdown.toString();
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
