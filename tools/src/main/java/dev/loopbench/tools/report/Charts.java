package dev.loopbench.tools.report;

import dev.loopbench.tools.results.TimeUnits;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.ImplScore;
import dev.loopbench.tools.tune.ParetoFrontier;
import dev.loopbench.tools.tune.TuningPoint;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

/** Builds the report's XChart charts from the {@link ReportModel}'s chart data; saving them is the caller's business. */
final class Charts {

    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    /** Percentile points per halving of the remaining distance to 100%, as in HdrHistogram's own plots. */
    private static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;
    private static final float TITLE_POINTS = 13f;
    /** Below this a title is hard to read; a title that needs less is too long and is cut with an ellipsis. */
    private static final float MIN_TITLE_POINTS = 9f;
    /**
     * XChart centres the title over the plot, which the y axis pushes right: a title stays on the canvas if it is
     * this much narrower than the chart.
     */
    private static final int TITLE_MARGIN = 160;
    /** The limit chart's legend names every figure; XChart cuts legend entries to a share of the width. */
    private static final int LIMIT_CHART_WIDTH = 1100;
    /** A log axis cannot show zero; no hand-off takes less than this. */
    private static final double MIN_PLOTTED_MICROS = 0.01;
    /** The tuning chart's legend names each strategy beside the plot. */
    private static final int TUNING_CHART_WIDTH = 1100;
    /** A ten-thousandth of a core: less than any loop thread used in a tuning run here. */
    private static final double MIN_PLOTTED_CPU = 1e-4;
    /** A frontier point's number sits this factor above it on the log latency axis, clear of its marker. */
    private static final double LABEL_LIFT = 1.25;
    private static final MathContext TICK_DIGITS = new MathContext(4);
    private static final double WHOLE_TICKS_FROM = 1000;

    private Charts() {
    }

    /**
     * The implementations of one figure side by side, those without a finite score left out, each with JMH's
     * 99.9% interval cut at zero: every figure is a time, a rate or a count, which is never negative, so an
     * interval reaching below zero only says the score is that uncertain.
     */
    private static final int IMPL_LABEL_ROTATION_DEGREES = 20;

    static CategoryChart figure(ReportModel.FigureChart figureChart) {
        Figure figure = figureChart.figure();
        List<String> impls = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> intervalMiddles = new ArrayList<>();
        List<Double> intervalHalfWidths = new ArrayList<>();
        double top = 0;
        for (ImplScore impl : figure.impls()) {
            double score = impl.metric().score();
            if (!Double.isFinite(score)) {
                continue;
            }
            impls.add(figureChart.ranked() && impl.best() ? impl.impl() + " (best)" : impl.impl());
            scores.add(score);
            double error = Double.isFinite(impl.metric().scoreError()) ? impl.metric().scoreError() : 0;
            double low = Math.max(0, score - error);
            double high = score + error;
            intervalMiddles.add((low + high) / 2);
            intervalHalfWidths.add((high - low) / 2);
            top = Math.max(top, high);
        }
        String unit = figure.impls().get(0).metric().unit();
        CategoryChart chart = titled(new CategoryChart(WIDTH, HEIGHT), figureChart.title(), "impl",
                unit + (figureChart.ranked() ? figure.direction() == Direction.LOWER_IS_BETTER
                        ? " (lower is better)" : " (higher is better)" : ""));
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        // nine loop names side by side run into each other; slanted, each keeps its own room
        chart.getStyler().setXAxisLabelRotation(IMPL_LABEL_ROTATION_DEGREES);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(niceCeiling(top));
        chart.setCustomYAxisTickLabelsFormatter(Charts::tickLabel);
        chart.addSeries(figureChart.figure().key().metric(), impls, scores);
        CategorySeries interval = chart.addSeries("99.9% interval", impls, intervalMiddles, intervalHalfWidths);
        interval.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        interval.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * The latency distribution of each implementation, HdrHistogram style: x is 1/(1-p) on a log axis, so that
     * 90%, 99%, 99.9% and 99.99% are evenly spaced, each decade is a labelled tick, and the tail gets the room it
     * deserves.
     */
    static XYChart latencyDistribution(ReportModel.LatencyChart latency) {
        XYChart chart = titled(new XYChart(WIDTH, HEIGHT), latency.title(), "percentile", "latency (µs, log scale)");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        // medians of microseconds and tails of milliseconds: only a log axis shows both
        chart.getStyler().setYAxisLogarithmic(true);
        chart.setCustomXAxisTickLabelsFormatter(Charts::percentileLabel);
        chart.setCustomYAxisTickLabelsFormatter(Charts::tickLabel);
        double decades = 1;
        for (Map.Entry<String, Histogram> impl : latency.histogramsByImpl().entrySet()) {
            List<Double> inverseTails = new ArrayList<>();
            List<Double> micros = new ArrayList<>();
            for (HistogramIterationValue point : impl.getValue().percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
                double level = point.getPercentileLevelIteratedTo() / 100;
                if (level >= 1) {
                    break;
                }
                inverseTails.add(1 / (1 - level));
                micros.add(Math.max(point.getValueIteratedTo() / TimeUnits.NANOS_PER_MICRO, MIN_PLOTTED_MICROS));
            }
            decades = Math.max(decades, Math.ceil(Math.log10(inverseTails.get(inverseTails.size() - 1)) - 1e-9));
            XYSeries series = chart.addSeries(impl.getKey() + " (" + impl.getValue().getTotalCount() + " samples)",
                    inverseTails, micros);
            series.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setXAxisMin(1.0);
        chart.getStyler().setXAxisMax(Math.pow(10, decades));
        return chart;
    }

    /**
     * Each loop figure as a multiple of its physical limit: the implementations side by side, a bar per figure,
     * the figures named in the legend below the plot, on a log axis that reaches a decade past both extremes.
     */
    static CategoryChart limitRatios(ReportModel.LimitChart limits) {
        int height = HEIGHT + 24 * limits.ratiosByFigure().size();
        CategoryChart chart = titled(new CategoryChart(LIMIT_CHART_WIDTH, height), limits.title(), "impl",
                "x limit (log scale)");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        // ratios span from below 1 (a throughput above the raw queue's, as producers and the loop share cores)
        // to 1000s (a round trip against a cache-line handoff): only a log axis shows both
        chart.getStyler().setYAxisLogarithmic(true);
        double[] range = logAxisRange(limits.ratiosByFigure().values().stream().flatMap(List::stream)
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
        chart.getStyler().setYAxisMin(range[0]); // bars start at the floor, since a log axis has no zero
        chart.getStyler().setYAxisMax(range[1]);
        chart.setCustomYAxisTickLabelsFormatter(Charts::tickLabel);
        limits.ratiosByFigure().forEach((figure, ratios) -> chart.addSeries(figure, limits.impls(), ratios));
        AnnotationLine limit = new AnnotationLine(1, false, false);
        chart.addAnnotation(limit);
        return chart;
    }

    /**
     * One rate of a tuning run, which has at least one plotted point: every setting's p99 one-way latency against the loop thread's CPU, coloured by the
     * value of the loop's first option (its idle or wait strategy), every p50 in grey, and each latency's Pareto
     * frontier drawn as a line with its p99 points numbered as the report's table numbers them. Both axes are
     * logarithmic: CPU runs from a thousandth of a core for a parked loop to a whole one for a spinning loop,
     * latency from a microsecond to milliseconds.
     */
    static XYChart frontier(TuningReport.RateChart rate) {
        XYChart chart = titled(new XYChart(TUNING_CHART_WIDTH, HEIGHT), rate.title(), "loop thread CPU (cores, log scale)",
                "one-way latency (µs, log scale)");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.setCustomXAxisTickLabelsFormatter(Charts::tickLabel);
        chart.setCustomYAxisTickLabelsFormatter(Charts::tickLabel);
        rate.p99ByStrategy().forEach((strategy, points) ->
                addScatter(chart, "p99, " + strategy, points, ParetoFrontier.P99, SeriesMarkers.DIAMOND));
        addScatter(chart, "p50, every setting", rate.plotted(), ParetoFrontier.P50, SeriesMarkers.CIRCLE)
                .setMarkerColor(Color.GRAY);
        addFrontier(chart, "p50 frontier", rate.p50Frontier(), ParetoFrontier.P50).setLineColor(Color.GRAY);
        addFrontier(chart, "p99 frontier", rate.p99Frontier(), ParetoFrontier.P99).setLineColor(Color.BLACK);
        // whole decades on both axes, so that each axis has labelled ticks at 0.01, 0.1, 1... and no point sits on an edge
        double[] cpuRange = logAxisRange(rate.plotted().stream().mapToDouble(Charts::plottedCpu).toArray());
        chart.getStyler().setXAxisMin(cpuRange[0]);
        chart.getStyler().setXAxisMax(Math.max(cpuRange[1], 1));
        double[] latencyRange = logAxisRange(rate.plotted().stream()
                .flatMapToDouble(point -> DoubleStream.of(point.p50Micros(), point.p99Micros())).toArray());
        chart.getStyler().setYAxisMin(latencyRange[0]);
        chart.getStyler().setYAxisMax(latencyRange[1]);
        rate.p99Frontier().forEach(point -> chart.addAnnotation(new AnnotationText(
                "#" + rate.numberOf(point), plottedCpu(point), point.p99Micros() * LABEL_LIFT, false)));
        return chart;
    }

    private static XYSeries addScatter(XYChart chart, String name, List<TuningPoint> points,
                                       ToDoubleFunction<TuningPoint> latency, Marker marker) {
        XYSeries series = addLatencyAgainstCpu(chart, name, points, latency);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        return series;
    }

    private static XYSeries addFrontier(XYChart chart, String name, List<TuningPoint> frontier,
                                        ToDoubleFunction<TuningPoint> latency) {
        XYSeries series = addLatencyAgainstCpu(chart, name, frontier, latency);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static XYSeries addLatencyAgainstCpu(XYChart chart, String name, List<TuningPoint> points,
                                                 ToDoubleFunction<TuningPoint> latency) {
        return chart.addSeries(name, points.stream().map(Charts::plottedCpu).toList(),
                points.stream().map(point -> Math.max(latency.applyAsDouble(point), MIN_PLOTTED_MICROS)).toList());
    }

    /** A log axis cannot show zero: a loop that used no measurable CPU is drawn at the axis' floor. */
    private static double plottedCpu(TuningPoint point) {
        return Math.max(point.loopCpu(), MIN_PLOTTED_CPU);
    }

    /** The decades just below the smallest and just above the largest positive value: every bar stands above the floor. */
    static double[] logAxisRange(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (value > 0 && Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            return new double[] {0.1, 10};
        }
        double floor = Math.pow(10, Math.floor(Math.log10(min)));
        double ceiling = Math.pow(10, Math.ceil(Math.log10(max)));
        return new double[] {floor == min ? floor / 10 : floor, ceiling == floor ? ceiling * 10 : ceiling};
    }

    /** The smallest round multiple (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8) of a power of ten at or above {@code value}: a top for a linear axis. */
    static double niceCeiling(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * decade >= value * (1 - 1e-12)) {
                return step * decade;
            }
        }
        return 10 * decade;
    }

    /** A tick label: at most four significant digits, whole numbers with separators from 1,000 up. */
    static String tickLabel(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (Math.abs(value) >= WHOLE_TICKS_FROM) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(TICK_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** {@code 0%}, {@code 90%}, {@code 99%}, {@code 99.9%} ... at the decades of 1/(1-p); nothing in between. */
    static String percentileLabel(double inverseTail) {
        double decade = Math.rint(Math.log10(inverseTail));
        if (decade < 0 || Math.abs(Math.log10(inverseTail) - decade) > 1e-6) {
            return "";
        }
        DecimalFormat percent = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return percent.format(new BigDecimal(100).subtract(BigDecimal.valueOf(100).movePointLeft((int) decade))) + "%";
    }

    /** The chart with its axes named and its title fitted to its width. */
    private static <C extends AxesChart<?, ?>> C titled(C chart, String title, String xAxis, String yAxis) {
        chart.setXAxisTitle(xAxis);
        chart.setYAxisTitle(yAxis);
        fitTitle(chart, title);
        return chart;
    }

    /**
     * The title's font, shrunk until the title fits the chart's width; a title too long even at the smallest
     * readable size is cut with an ellipsis rather than at the canvas edge.
     */
    private static void fitTitle(Chart<?, ?> chart, String title) {
        Font font = chart.getStyler().getChartTitleFont().deriveFont(TITLE_POINTS);
        int room = chart.getWidth() - TITLE_MARGIN;
        while (titleWidth(font, title) > room && font.getSize2D() > MIN_TITLE_POINTS) {
            font = font.deriveFont(font.getSize2D() - 0.5f);
        }
        String fitted = title;
        while (titleWidth(font, fitted) > room && fitted.length() > 1) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        chart.getStyler().setChartTitleFont(font);
        chart.setTitle(fitted);
    }

    /** The title's width in pixels in that font, measured as XChart lays it out (anti-aliased, fractional metrics). */
    static double titleWidth(Font font, String title) {
        return new TextLayout(title, font, new FontRenderContext(null, true, true)).getBounds().getWidth();
    }
}
