package dev.loopbench.tools.report;

import dev.loopbench.tools.results.RunMetadata;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.RunSummary;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a report shows, built from a run by {@link ReportModelBuilder} and rendered by {@link ReportWriter}: the
 * data of every chart, the name of its file, and what could not be shown. Building it reads the run's files;
 * rendering it reads nothing and decides nothing.
 *
 * @param runName       the run, {@code RUN} of {@code RUN.json}
 * @param metadata      the run's context, when there is a {@code RUN.meta.json}
 * @param sharedParams  parameters every benchmark that has them ran with one value, such as the mpsc loop's
 *                      defaults: said once, and left out of the charts' titles and file names
 * @param summary       the figures per implementation
 * @param figureCharts  one chart per figure with a finite score
 * @param latencyCharts one percentile distribution per benchmark and non-impl parameters
 * @param limitChart    every loop figure against its limit, when any has one
 * @param notes         what the report could not show, and why
 */
record ReportModel(String runName, Optional<RunMetadata> metadata, SortedMap<String, String> sharedParams,
                   RunSummary summary, List<FigureChart> figureCharts,
                   List<LatencyChart> latencyCharts, Optional<LimitChart> limitChart, List<String> notes) {

    ReportModel {
        sharedParams = Collections.unmodifiableSortedMap(new TreeMap<>(sharedParams));
        figureCharts = List.copyOf(figureCharts);
        latencyCharts = List.copyOf(latencyCharts);
        notes = List.copyOf(notes);
    }

    /** A chart of the report: what it shows, and the PNG's name inside the report directory. */
    sealed interface Chart permits FigureChart, LatencyChart, LimitChart {
        String title();

        String fileName();
    }

    /**
     * One figure, the implementations side by side.
     *
     * @param ranked whether the best implementation is marked: not where the figure is a setting of the
     *               benchmark, such as the send rate of an open-loop benchmark, which every loop should just meet
     */
    record FigureChart(String title, String fileName, Figure figure, boolean ranked) implements Chart {
    }

    /** Pooled latency histograms of one benchmark and its non-impl parameters, by implementation. */
    record LatencyChart(String title, String fileName, Map<String, Histogram> histogramsByImpl) implements Chart {

        LatencyChart {
            histogramsByImpl = new LinkedHashMap<>(histogramsByImpl);
        }

        @Override
        public Map<String, Histogram> histogramsByImpl() {
            return Collections.unmodifiableMap(histogramsByImpl);
        }
    }

    /**
     * Every loop figure with a limit, as a multiple of it: the implementations side by side, one bar per figure.
     *
     * @param impls          the implementations, in the order the run measured them
     * @param ratiosByFigure per figure, the ratio of each implementation in the order of {@code impls}; null where
     *                       an implementation was not measured for the figure
     */
    record LimitChart(String title, String fileName, List<String> impls, Map<String, List<Double>> ratiosByFigure)
            implements Chart {

        LimitChart {
            impls = List.copyOf(impls);
            ratiosByFigure = Collections.unmodifiableMap(new LinkedHashMap<>(ratiosByFigure));
        }
    }
}
