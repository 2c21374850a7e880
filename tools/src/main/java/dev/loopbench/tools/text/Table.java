package dev.loopbench.tools.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of cells that render as an aligned plain-text table for a terminal or as a markdown table.
 * Numeric columns are right-aligned in text, so that digits line up.
 */
public final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** A header ending in {@code >} marks a right-aligned column; the marker is not shown. */
    public Table(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
    }

    public Table add(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Columns padded to their widest cell and separated by two spaces, under a dashed rule. */
    public String toText() {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendTextRow(text, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        appendTextRow(text, rules, widths);
        for (List<String> row : rows) {
            appendTextRow(text, row, widths);
        }
        return text.toString();
    }

    /** A GitHub-flavoured markdown table; pipes inside cells are escaped. */
    public String toMarkdown() {
        StringBuilder markdown = new StringBuilder();
        appendMarkdownRow(markdown, headers);
        List<String> rule = new ArrayList<>();
        for (boolean right : rightAligned) {
            rule.add(right ? "---:" : "---");
        }
        appendMarkdownRow(markdown, rule);
        for (List<String> row : rows) {
            appendMarkdownRow(markdown, row.stream().map(cell -> cell.replace("|", "\\|")).toList());
        }
        return markdown.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(Collections.singletonList(headers));
        all.addAll(rows);
        return all;
    }

    private void appendTextRow(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(rightAligned[c] ? padding + cell : cell + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendMarkdownRow(StringBuilder markdown, List<String> cells) {
        markdown.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
