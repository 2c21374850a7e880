package dev.loopbench.tools.report;

import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.ImplScore;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the report's XChart charts; saving them is the caller's business. */
final class Charts {

    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    /** Percentile points per halving of the remaining distance to 100%, as in HdrHistogram's own plots. */
    private static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1000;
    /** Small enough that a title naming every parameter of a benchmark fits the chart's width. */
    private static final float TITLE_POINTS = 11f;
    /** A log axis cannot show zero; no hand-off takes less than this. */
    private static final double MIN_PLOTTED_MICROS = 0.01;
    /** Below any ratio seen so far: a loop beats its limit only by a small factor, e.g. by sharing a core. */
    private static final double LIMIT_AXIS_MIN = 0.1;

    private Charts() {
    }

    /** The implementations of one figure side by side, with JMH's error as error bars; those without a finite score left out. */
    static CategoryChart figure(ReportModel.FigureChart figureChart) {
        Figure figure = figureChart.figure();
        List<String> impls = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (ImplScore impl : figure.impls()) {
            if (Double.isFinite(impl.metric().score())) {
                impls.add(impl.best() ? impl.impl() + " *" : impl.impl());
                scores.add(impl.metric().score());
                double error = impl.metric().scoreError();
                errors.add(Double.isFinite(error) ? error : 0);
            }
        }
        String unit = figure.impls().get(0).metric().unit();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(figureChart.title())
                .xAxisTitle("impl")
                .yAxisTitle(unit + " (" + (figure.direction() == Direction.LOWER_IS_BETTER
                        ? "lower" : "higher") + " is better)")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(TITLE_POINTS));
        chart.addSeries(figure.key().metric(), impls, scores, errors);
        return chart;
    }

    /**
     * The latency distribution of each implementation, HdrHistogram style: percentile on a log scale of
     * 1/(1-p), so that 90%, 99%, 99.9% and 99.99% are evenly spaced and the tail gets the room it deserves.
     * XChart's log axis takes no custom tick labels, so x is log10(1/(1-p)) on a linear axis whose whole
     * numbers are labelled as percentiles.
     */
    static XYChart latencyDistribution(ReportModel.LatencyChart latency) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(latency.title())
                .xAxisTitle("percentile")
                .yAxisTitle("latency (µs, log scale)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(TITLE_POINTS));
        chart.setCustomXAxisTickLabelsFormatter(Charts::percentileLabel);
        // medians of microseconds and tails of milliseconds: only a log axis shows both
        chart.getStyler().setYAxisLogarithmic(true);
        double decades = 1;
        for (Map.Entry<String, Histogram> impl : latency.histogramsByImpl().entrySet()) {
            List<Double> tailDecades = new ArrayList<>();
            List<Double> micros = new ArrayList<>();
            for (HistogramIterationValue point : impl.getValue().percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
                double level = point.getPercentileLevelIteratedTo() / 100;
                if (level >= 1) {
                    break;
                }
                tailDecades.add(Math.log10(1 / (1 - level)));
                micros.add(Math.max(point.getValueIteratedTo() / NANOS_PER_MICRO, MIN_PLOTTED_MICROS));
            }
            decades = Math.max(decades, Math.ceil(tailDecades.get(tailDecades.size() - 1)));
            XYSeries series = chart.addSeries(impl.getKey() + " (" + impl.getValue().getTotalCount() + " samples)", tailDecades, micros);
            series.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(decades);
        return chart;
    }

    /** {@code 0%}, {@code 90%}, {@code 99%}, {@code 99.9%} ... at whole decades of 1/(1-p); no label in between. */
    private static String percentileLabel(double tailDecades) {
        double decade = Math.rint(tailDecades);
        if (Math.abs(tailDecades - decade) > 1e-9) {
            return "";
        }
        DecimalFormat percent = new DecimalFormat("0.#######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return percent.format(100 * (1 - Math.pow(10, -decade))) + "%";
    }

    /** Each loop figure as a multiple of its physical limit, implementations side by side. */
    static CategoryChart limitRatios(ReportModel.LimitChart limits) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 260)
                .title(limits.title())
                .yAxisTitle("x limit (1 = the limit)")
                .build();
        chart.getStyler().setXAxisLabelRotation(90); // long labels: slanted ones run off the left edge
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // ratios span from about 1 (throughput near the queue's ceiling) to 1000s (a round trip against a
        // cache-line handoff): only a log axis shows both
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(LIMIT_AXIS_MIN); // bars otherwise start at zero, which a log axis refuses
        limits.ratiosByImpl().forEach((impl, ratios) -> chart.addSeries(impl, limits.figureLabels(), ratios));
        return chart;
    }
}
