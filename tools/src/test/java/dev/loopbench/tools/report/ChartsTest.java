package dev.loopbench.tools.report;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.FigureKey;
import dev.loopbench.tools.summary.ImplScore;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void tickLabelsHaveFourSignificantDigitsAndSeparateThousands() {
        assertEquals("143.2", Charts.tickLabel(143.24797902247045));
        assertEquals("16,142", Charts.tickLabel(16142.278167547862));
        assertEquals("0.8123", Charts.tickLabel(0.81234567));
        assertEquals("0", Charts.tickLabel(0));
        assertEquals("10", Charts.tickLabel(10.0));
    }

    @Test
    void everyDecadeOfThePercentileAxisIsLabelledAndNothingBetween() {
        assertEquals("0%", Charts.percentileLabel(1));
        assertEquals("90%", Charts.percentileLabel(10));
        assertEquals("99%", Charts.percentileLabel(100));
        assertEquals("99.9%", Charts.percentileLabel(1000.0000000001));
        assertEquals("99.999%", Charts.percentileLabel(100_000));
        assertEquals("", Charts.percentileLabel(31.6));
    }

    @Test
    void aLogAxisReachesPastEveryValue() {
        assertArrayEquals(new double[] {0.01, 100}, Charts.logAxisRange(new double[] {0.05, 3, 50}), 1e-12);
        double[] range = Charts.logAxisRange(new double[] {0.1, 0.115, 9.3});
        assertTrue(range[0] < 0.1 && range[1] >= 9.3, range[0] + " " + range[1]);
    }

    @Test
    void aLinearAxisEndsAtARoundNumberAboveTheTallestBar() {
        assertEquals(6000, Charts.niceCeiling(5001), 1e-9);
        assertEquals(150, Charts.niceCeiling(143.2), 1e-9);
        assertEquals(1, Charts.niceCeiling(1), 1e-9);
    }

    @Test
    void errorBarsStopAtZeroAndTheAxisStartsThere() {
        Metric uncertain = new Metric(4265, 11877, "ns/op", List.of(List.of(4265.0)));
        Figure figure = new Figure(new FigureKey(new BenchmarkKey("a.b.SpinPingPongLimit.roundTrip", "avgt", new TreeMap<>()),
                "score"), Direction.LOWER_IS_BETTER, List.of(new ImplScore("-", uncertain, Optional.empty(), false)));

        CategoryChart chart = Charts.figure(new ReportModel.FigureChart("t", "f.png", figure, true));

        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertTrue(chart.getStyler().getYAxisMax() >= 4265 + 11877);
        CategorySeries interval = chart.getSeries("99.9% interval");
        double middle = interval.getYData()[0];
        double halfWidth = interval.getExtraValues()[0];
        assertEquals(0, middle - halfWidth, 1e-9);
        assertEquals(4265 + 11877, middle + halfWidth, 1e-9);
    }

    @Test
    void aLoopWithoutARatioInAFigureIsAGapAndEveryBarStandsAboveTheFloor() {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        ratios.put("BurstThroughput.from1Producer score (thrpt)", Arrays.asList(0.05, null));
        ratios.put("RoundTripLatency.roundTrip score (avgt)", List.of(900.0, 3.0));

        CategoryChart chart = Charts.limitRatios(new ReportModel.LimitChart("t", "l.png", List.of("mpsc", "netty"), ratios));

        assertTrue(chart.getStyler().getYAxisMin() < 0.05 && chart.getStyler().getYAxisMax() >= 900,
                chart.getStyler().getYAxisMin() + " " + chart.getStyler().getYAxisMax());
        assertTrue(BitmapEncoder.getBufferedImage(chart).getHeight() >= Charts.HEIGHT);
    }

    @Test
    void aLongTitleIsShrunkOrCutToFitTheChart() {
        String title = "WakeupLatency.roundTripAfterGap idle=spin-park idleGapMicros=1000 producerWait=spin queue=array "
                + "spinIterations=100 latency by percentile, with every parameter named".repeat(2);
        Figure figure = new Figure(new FigureKey(new BenchmarkKey("a.b.C.d", "avgt", new TreeMap<>()), "score"),
                Direction.LOWER_IS_BETTER, List.of(new ImplScore("x", new Metric(1, 0.1, "us/op", List.of()),
                Optional.empty(), false)));

        CategoryChart chart = Charts.figure(new ReportModel.FigureChart(title, "f.png", figure, true));

        assertTrue(Charts.titleWidth(chart.getStyler().getChartTitleFont(), chart.getTitle()) < chart.getWidth() - 100,
                chart.getTitle());
        assertTrue(chart.getTitle().endsWith("…"), chart.getTitle());
    }
}
