package dev.loopbench.tools.results;

import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultReaderTest {

    private static final String LATENCY = "dev.loopbench.bench.latency.OneWayLatency.oneWay";

    @TempDir
    Path dir;

    @Test
    void readsRowsWithSortedParamsAndPerForkRawData() throws Exception {
        Path file = new JmhJson(1).add(JmhJson.row(LATENCY, "avgt", "us/op", 2.0)
                .param("impl", "mpsc").param("gapMicros", "200")
                .secondary("hdr.p99", "us", 9.0)).write(dir.resolve("run.json"));

        BenchmarkResult result = JmhResultReader.read(file).get(0);

        assertAll(
                () -> assertEquals(LATENCY, result.key().benchmark()),
                () -> assertEquals("avgt", result.key().mode()),
                () -> assertEquals(List.of("gapMicros", "impl"), List.copyOf(result.key().params().keySet())),
                () -> assertEquals("OneWayLatency.oneWay", result.key().simpleName()),
                () -> assertEquals("dev.loopbench.bench.latency", result.key().packageName()),
                () -> assertEquals("us/op", result.primaryMetric().unit()),
                () -> assertEquals(3, result.primaryMetric().rawData().size()),
                () -> assertEquals(5, result.primaryMetric().rawData().get(0).size()),
                () -> assertEquals(List.of("score", "hdr.p99"), result.metricNames()),
                () -> assertEquals("us", result.secondaryMetrics().get("hdr.p99").unit()));
        List<Double> firstFork = result.primaryMetric().rawData().get(0);
        double firstForkMedian = firstFork.stream().mapToDouble(Double::doubleValue).sorted().toArray()[2];
        assertEquals(firstForkMedian, result.primaryMetric().forkScores()[0], 1e-12);
    }

    @Test
    void filesThatAreNotJmhJsonAreNamedForWhatTheyAre() throws Exception {
        Path csv = Files.writeString(dir.resolve("run.csv"), "\"Benchmark\",\"Mode\",\"Threads\"\n");
        Path binary = Files.write(dir.resolve("run.bin"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0});

        assertTrue(message(csv).contains("is CSV") && message(csv).contains("-rf json"), message(csv));
        assertTrue(message(binary).contains("binary file"), message(binary));
        assertTrue(message(dir).contains("is a directory"), message(dir));
    }

    private static String message(Path file) {
        return assertThrows(ResultFileException.class, () -> JmhResultReader.read(file)).getMessage();
    }

    @Test
    void acceptsNaNAsJmhWritesItAndAsABareToken() throws Exception {
        Path file = write("""
                [{"benchmark": "a.B.c", "mode": "thrpt",
                  "primaryMetric": {"score": "NaN", "scoreError": NaN, "scoreUnit": "ops/us",
                                    "rawData": [["NaN", 1.0], [2.0, "+INF"]]}}]
                """);

        Metric metric = JmhResultReader.read(file).get(0).primaryMetric();

        assertTrue(Double.isNaN(metric.score()));
        assertTrue(Double.isNaN(metric.scoreError()));
        assertTrue(Double.isNaN(metric.forkScores()[0]));
        assertEquals(Double.POSITIVE_INFINITY, metric.forkScores()[1]);
    }

    @Test
    void dropsTheMarkOlderJmhVersionsPutBeforeProfilerMetrics() throws Exception {
        Path file = write("""
                [{"benchmark": "a.B.c", "mode": "avgt",
                  "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "us/op", "rawData": [[1.0]]},
                  "secondaryMetrics": {"\u00b7hdr.p99": {"score": 9.0, "scoreError": 0.1, "scoreUnit": "us", "rawData": [[9.0]]}}}]
                """);

        assertEquals(List.of("hdr.p99"), List.copyOf(JmhResultReader.read(file).get(0).secondaryMetrics().keySet()));
    }

    @Test
    void scoresSampleModeIterationsByTheMeanOfTheirHistograms() throws Exception {
        Path file = write("""
                [{"benchmark": "a.B.c", "mode": "sample",
                  "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "us/op",
                                    "rawDataHistogram": [[[[1.0, 3], [5.0, 1]], [[2.0, 1]]], [[[4.0, 2]]]]}}]
                """);

        Metric metric = JmhResultReader.read(file).get(0).primaryMetric();

        assertEquals(List.of(List.of(2.0, 2.0), List.of(4.0)), metric.rawData());
        assertArrayEquals(new double[] {2.0, 4.0}, metric.forkScores(), 1e-12);
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("absent.json");

        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultReader.read(missing));

        assertEquals(missing, e.file());
        assertTrue(e.getMessage().contains("absent.json") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void malformedJsonIsReportedAsSuch() throws Exception {
        Path file = write("[{\"benchmark\": ");

        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultReader.read(file));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void jsonThatIsNotJmhOutputSaysWhatWasExpected() throws Exception {
        Path file = write("{\"profile\": \"quick\"}");

        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultReader.read(file));

        assertTrue(e.getMessage().contains("not JMH output") && e.getMessage().contains("expected a JSON array"), e.getMessage());
    }

    @Test
    void missingFieldNamesTheEntryAndTheField() throws Exception {
        Path file = write("""
                [{"benchmark": "a.B.c", "mode": "avgt",
                  "primaryMetric": {"score": 1.0, "scoreError": 0.1, "rawData": [[1.0]]}}]
                """);

        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultReader.read(file));

        assertTrue(e.getMessage().contains("entry 0 (a.B.c)") && e.getMessage().contains("primaryMetric.scoreUnit is missing"),
                e.getMessage());
    }

    @Test
    void nonNumericScoreIsRejected() throws Exception {
        Path file = write("""
                [{"benchmark": "a.B.c", "mode": "avgt",
                  "primaryMetric": {"score": "fast", "scoreError": 0.1, "scoreUnit": "us/op", "rawData": [[1.0]]}}]
                """);

        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultReader.read(file));

        assertTrue(e.getMessage().contains("primaryMetric.score is") && e.getMessage().contains("expected a number"), e.getMessage());
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("input.json"), json);
    }
}
