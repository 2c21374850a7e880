package dev.loopbench.tools.report;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.results.RunReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportModelBuilderTest {

    private static final String ROUND_TRIP = "dev.loopbench.bench.latency.RoundTripLatency.roundTrip";
    private static final String ONE_WAY = "dev.loopbench.bench.latency.OneWayLatency.fixedRate";

    @TempDir
    Path dir;

    @Test
    void chartFilesAreUniqueAndNameTheirMetricAndMode() throws Exception {
        ReportModel model = model();

        Set<String> names = new HashSet<>();
        for (ReportModel.FigureChart chart : model.figureCharts()) {
            assertTrue(names.add(chart.fileName()), "twice: " + chart.fileName());
            String metricAndMode = "-" + chart.figure().key().metric() + "-" + chart.figure().key().benchmark().mode();
            assertTrue(chart.fileName().contains(metricAndMode), chart.fileName() + " lacks " + metricAndMode);
            assertTrue(chart.fileName().length() <= ReportModelBuilder.MAX_FILE_NAME_LENGTH, chart.fileName());
        }
        assertEquals(model.figureCharts().size(), names.size());
    }

    @Test
    void parametersSharedByTheWholeRunAreSaidOnceAndLeftOutOfTitles() throws Exception {
        ReportModel model = model();

        assertEquals("spin-park", model.sharedParams().get("idle"));
        assertFalse(model.sharedParams().containsKey("producerWait"));
        model.figureCharts().forEach(chart -> assertFalse(chart.title().contains("idle=") || chart.fileName().contains("idle="),
                chart.title() + " " + chart.fileName()));
    }

    @Test
    void aFixedSendRateRanksNoLoop() throws Exception {
        List<ReportModel.FigureChart> oneWay = model().figureCharts().stream()
                .filter(chart -> chart.figure().key().benchmark().benchmark().equals(ONE_WAY)).toList();

        assertFalse(oneWay.stream().filter(chart -> chart.figure().key().metric().equals("score")).findFirst().orElseThrow().ranked());
        assertTrue(oneWay.stream().filter(chart -> chart.figure().key().metric().equals("hdr.p50")).findFirst().orElseThrow().ranked());
    }

    @Test
    void aLongNameLosesItsParametersNotItsMetric() {
        String name = ReportModelBuilder.fileName("figure", 7, "WakeupLatency.roundTripAfterGap-hdr.p99.9-avgt",
                " a=" + "x".repeat(300));

        assertTrue(name.startsWith("figure-07-WakeupLatency.roundTripAfterGap-hdr.p99.9-avgt-a=xxx"), name);
        assertTrue(name.endsWith(".png") && name.length() <= ReportModelBuilder.MAX_FILE_NAME_LENGTH, name);
    }

    private ReportModel model() throws Exception {
        JmhJson json = new JmhJson(3);
        for (String impl : List.of("mpsc", "netty")) {
            for (String mode : List.of("avgt", "sample")) {
                json.add(JmhJson.row(ROUND_TRIP, mode, "us/op", 20).param("impl", impl).param("idle", "spin-park")
                        .param("producerWait", "park").secondary("wakeups.per.op", "wakeups/op", 1));
            }
            json.add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 5).param("impl", impl).param("idle", "spin-park")
                    .param("producerWait", "spin"));
            json.add(JmhJson.row(ONE_WAY, "thrpt", "ops/s", 5000).param("impl", impl).param("idle", "spin-park")
                    .param("sendsPerSecond", "5000").secondary("hdr.p50", "us", 20).secondary("hdr.p99", "us", 900));
        }
        Path run = json.write(dir.resolve("run.json"));
        return ReportModelBuilder.build(RunReader.read(run), new RunFiles(run));
    }
}
