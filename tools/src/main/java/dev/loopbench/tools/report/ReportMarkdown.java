package dev.loopbench.tools.report;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.summary.PhysicalLimits;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.ImplScore;
import dev.loopbench.tools.summary.SummaryTable;
import dev.loopbench.tools.text.Table;

import java.util.List;

/** Renders a {@link ReportModel} as the markdown of {@code report.md}, with the charts as images beside it. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String render(ReportModel report) {
        StringBuilder md = new StringBuilder("# Benchmark report: ").append(report.runName()).append("\n\n");
        appendContext(md, report);
        if (!report.sharedParams().isEmpty()) {
            md.append("Every benchmark that has these parameters ran with these values, which the charts leave out: `")
                    .append(BenchmarkKey.paramsLabel(report.sharedParams())).append("`.\n\n");
        }

        md.append("## Figures\n\n")
                .append("Score and error as JMH reports them (error: half-width of the 99.9% interval); ")
                .append("`*` marks the best implementation; `x limit` is how many times worse than the physical limit ")
                .append("measured in the same run.\n\n")
                .append(SummaryTable.of(report.summary()).toMarkdown()).append('\n')
                .append("The charts' error bars are the same 99.9% intervals, cut at zero, which no time or rate goes below.\n\n");
        appendCharts(md, report.figureCharts());

        md.append("## Latency distributions\n\n")
                .append("Percentiles of all samples of all iterations and forks, pooled from the run's `.hlog` files: ")
                .append("the percentiles of the whole run, where the `hdr.*` figures are the mean of each fork's own percentiles.\n\n");
        appendChartsOrNone(md, report.latencyCharts());

        md.append("## Ratio to the physical limits\n\n")
                .append(PhysicalLimits.PAIRING_RULE).append(' ')
                .append("The ratio is score/limit for times, limit/score for throughputs.\n\n");
        Table ratios = limitRatios(report.summary().figures());
        if (!ratios.isEmpty()) {
            md.append(ratios.toMarkdown()).append('\n');
        }
        appendChartsOrNone(md, report.limitChart().stream().toList());

        if (!report.notes().isEmpty() || !report.summary().notes().isEmpty()) {
            md.append("## Notes\n\n");
            report.summary().notes().forEach(note -> md.append("- ").append(note).append('\n'));
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void appendContext(StringBuilder md, ReportModel report) {
        if (report.metadata().isEmpty()) {
            md.append("_No ").append(report.runName()).append(".meta.json beside the results: ")
                    .append("the JDK, flags and machine of this run are unknown._\n\n");
            return;
        }
        Table context = new Table("Context", "Value");
        report.metadata().get().asMap().forEach((key, value) -> context.add(key, value.isEmpty() ? "-" : "`" + value + "`"));
        md.append(context.toMarkdown()).append('\n');
    }

    private static Table limitRatios(List<Figure> figures) {
        Table table = new Table("Figure", "Impl", "x limit>");
        for (Figure figure : figures) {
            for (ImplScore impl : figure.impls()) {
                impl.limitRatio().ifPresent(ratio -> table.add(figure.key().label(), impl.impl(), ratio.shown()));
            }
        }
        return table;
    }

    private static void appendChartsOrNone(StringBuilder md, List<? extends ReportModel.Chart> charts) {
        if (charts.isEmpty()) {
            md.append("_None: see the notes below._\n\n");
        }
        appendCharts(md, charts);
    }

    private static void appendCharts(StringBuilder md, List<? extends ReportModel.Chart> charts) {
        charts.forEach(chart -> md.append("![").append(chart.title()).append("](").append(chart.fileName()).append(")\n\n"));
    }
}
