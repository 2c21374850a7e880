package dev.loopbench.tools.report;

import dev.loopbench.tools.results.RunMetadata;
import dev.loopbench.tools.summary.RunSummary;

import java.util.List;
import java.util.Optional;

/**
 * What a report contains, once its charts are written: the input of {@link ReportMarkdown}.
 *
 * @param runName       the run, {@code RUN} of {@code RUN.json}
 * @param metadata      the run's context, when there is a {@code RUN.meta.json}
 * @param summary       the figures per implementation
 * @param figureCharts  one chart per figure
 * @param latencyCharts one percentile distribution per benchmark and non-impl parameters
 * @param limitChart    every loop figure against its limit, when any has one
 * @param notes         what the report could not show, and why
 */
record Report(String runName, Optional<RunMetadata> metadata, RunSummary summary, List<ChartFile> figureCharts,
              List<ChartFile> latencyCharts, Optional<ChartFile> limitChart, List<String> notes) {

    Report {
        figureCharts = List.copyOf(figureCharts);
        latencyCharts = List.copyOf(latencyCharts);
        notes = List.copyOf(notes);
    }
}
