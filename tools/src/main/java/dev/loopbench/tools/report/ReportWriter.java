package dev.loopbench.tools.report;

import dev.loopbench.tools.report.ReportModel.FigureChart;
import dev.loopbench.tools.report.ReportModel.LatencyChart;
import dev.loopbench.tools.report.ReportModel.LimitChart;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's report into a directory: {@code report.md} and the PNG charts it shows, rendered from the
 * {@link ReportModel} that {@link ReportModelBuilder} makes of the run.
 */
public final class ReportWriter {

    public static final String MARKDOWN_FILE = "report.md";

    private ReportWriter() {
    }

    /** Writes the report of the run read from {@code files} into {@code outDir}; returns the markdown file. */
    public static Path write(Run run, RunFiles files, Path outDir) throws IOException, ResultFileException {
        return write(ReportModelBuilder.build(run, files), outDir);
    }

    /** Draws every chart of {@code report} into {@code outDir}, then the markdown that shows them. */
    static Path write(ReportModel report, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        for (ReportModel.Chart chart : charts(report)) {
            save(draw(chart), outDir.resolve(chart.fileName()));
        }
        Path markdown = outDir.resolve(MARKDOWN_FILE);
        Files.writeString(markdown, ReportMarkdown.render(report));
        return markdown;
    }

    private static List<ReportModel.Chart> charts(ReportModel report) {
        List<ReportModel.Chart> charts = new ArrayList<>(report.figureCharts());
        charts.addAll(report.latencyCharts());
        report.limitChart().ifPresent(charts::add);
        return charts;
    }

    private static Chart<?, ?> draw(ReportModel.Chart chart) {
        if (chart instanceof FigureChart figure) {
            return Charts.figure(figure);
        }
        if (chart instanceof LatencyChart latency) {
            return Charts.latencyDistribution(latency);
        }
        return Charts.limitRatios((LimitChart) chart);
    }

    private static void save(Chart<?, ?> chart, Path png) throws IOException {
        Files.write(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
