package dev.loopbench.tools.compare;

import dev.loopbench.tools.text.Numbers;

import java.util.List;

/** Renders a {@link RunComparison} as plain text for a terminal or a CI log. */
public final class ComparisonTextRenderer {

    private ComparisonTextRenderer() {
    }

    public static String render(RunComparison comparison) {
        StringBuilder text = new StringBuilder();
        text.append("Comparing ").append(comparison.newSource()).append(" (new) with ").append(comparison.baseSource())
                .append(" (base), threshold ±").append(Numbers.plain(comparison.thresholdPct())).append("%\n\n");
        text.append(ComparisonTable.of(comparison).toText()).append('\n');
        text.append(ComparisonTable.counts(comparison)).append('\n');
        appendSection(text, "Only in base", comparison.onlyInBase().stream().map(ComparisonTable::unmatched).toList());
        appendSection(text, "Only in new", comparison.onlyInNew().stream().map(ComparisonTable::unmatched).toList());
        appendSection(text, "Warnings", comparison.warnings());
        return text.toString();
    }

    private static void appendSection(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(":\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
