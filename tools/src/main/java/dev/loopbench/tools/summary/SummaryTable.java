package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.text.Table;

/**
 * A {@link RunSummary} as a table: one line per figure and implementation, the figure named on its first line
 * only, the best implementation marked {@code *}, and the ratio to the physical limit where there is one.
 */
public final class SummaryTable {

    /** A loop's library does not let its adapter count what the metric counts. */
    static final String NOT_COUNTED = "not counted";

    private SummaryTable() {
    }

    public static Table of(RunSummary summary) {
        Table table = new Table("Benchmark", "Mode", "Params", "Metric", "Impl", "Score>", "Error>", "Unit", "x limit>", "Best");
        for (Figure figure : summary.figures()) {
            boolean first = true;
            for (ImplScore impl : figure.impls()) {
                BenchmarkKey key = figure.key().benchmark();
                table.add(first ? key.simpleName() : "", first ? key.mode() : "",
                        first ? BenchmarkKey.paramsLabel(key.params()) : "", first ? figure.key().metric() : "",
                        impl.impl(), scoreOf(figure, impl), errorOf(impl), impl.metric().unit(),
                        impl.limitRatio().map(LimitRatio::shown).orElse(""), impl.best() ? "*" : "");
                first = false;
            }
        }
        return table;
    }

    /** The summary as plain text, with its notes below the table. */
    public static String toText(RunSummary summary) {
        StringBuilder text = new StringBuilder(of(summary).toText());
        text.append("\nError: JMH's 99.9% interval half-width. x limit: times worse than the physical limit in the same run,"
                + " the geometric mean of per-round ratios with its 95% interval (docs/statistics.md). *: best impl,"
                + " its forks clear of every other impl's.\n");
        summary.notes().forEach(note -> text.append("Note: ").append(note).append('\n'));
        return text.toString();
    }

    /** A loop that cannot count its wakeups, or whose thread's CPU could not be read, says so rather than NaN. */
    private static String scoreOf(Figure figure, ImplScore impl) {
        double score = impl.metric().score();
        if (!Double.isNaN(score)) {
            return Numbers.score(score);
        }
        return noValue(figure.key().metric());
    }

    /** What a NaN of {@code metric} says: the loop cannot count its wakeups, its thread's CPU was not read, or NaN. */
    static String noValue(String metric) {
        return MetricNames.WAKEUPS_ISSUED_PER_OP.equals(metric) ? NOT_COUNTED
                : MetricNames.readsThreads(metric) ? "not measured" : Numbers.score(Double.NaN);
    }

    private static String errorOf(ImplScore impl) {
        double error = impl.metric().scoreError();
        return Double.isNaN(error) ? "" : Numbers.score(error);
    }
}
