package dev.loopbench.tools.results;

import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhJsonMergerTest {

    private static final String BURST = "dev.loopbench.bench.throughput.BurstThroughput.from1Producer";
    private static final String WAKEUP = "dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap";

    @TempDir
    Path dir;

    @Test
    void eachForkBecomesOneMoreForkOfItsRowAndTheScoresAreRecomputed() throws Exception {
        Path run = dir.resolve("run.json");
        List<Path> forks = List.of(fork(1, "mpsc"), fork(2, "mpsc"), fork(3, "mpsc"));
        for (Path fork : forks) {
            JmhJsonMerger.appendFork(run, fork);
        }

        BenchmarkResult merged = single(run, BURST);
        List<List<Double>> expectedRaw = forks.stream()
                .flatMap(fork -> rows(fork, BURST).primaryMetric().rawData().stream()).toList();
        assertEquals(expectedRaw, merged.primaryMetric().rawData());
        double[] all = expectedRaw.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        assertEquals(Arrays.stream(all).average().orElseThrow(), merged.primaryMetric().score(), 1e-9);
        assertTrue(merged.primaryMetric().scoreError() > 0, "no error recomputed from " + all.length + " values");
        assertTrue(Files.readString(run).contains("\"forks\": 3"));
    }

    /** Five iterations of 1 from one fork, five of 3 from the other: mean 2, sample variance 10/9. */
    @Test
    void theErrorIsJmhsStudentTHalfWidthAndThePercentilesInterpolate() throws Exception {
        Path run = dir.resolve("run.json");
        for (double value : new double[] {1, 3}) {
            Path fork = new JmhJson(7).add(JmhJson.row(BURST, "thrpt", "ops/s", value).forks(1).noise(0))
                    .write(dir.resolve("fork-" + value + ".json"));
            JmhJsonMerger.appendFork(run, fork);
        }

        Metric merged = single(run, BURST).primaryMetric();
        assertEquals(2, merged.score(), 1e-12);
        double tAt999 = 4.7809; // Student t, 9 degrees of freedom, two-sided 99.9%
        assertEquals(tAt999 * Math.sqrt(10.0 / 9 / 10), merged.scoreError(), 1e-4);
        String json = Files.readString(run);
        assertTrue(json.contains("\"50.0\": 2.0"), json);
        assertTrue(json.contains("\"0.0\": 1.0") && json.contains("\"100.0\": 3.0"), json);
    }

    @Test
    void secondaryMetricsAggregateAsTheirProfilerSays() throws Exception {
        Path run = dir.resolve("run.json");
        Path first = fork(4, "mpsc");
        Path second = fork(5, "mpsc");
        JmhJsonMerger.appendFork(run, first);
        JmhJsonMerger.appendFork(run, second);

        BenchmarkResult merged = single(run, WAKEUP);
        assertEquals(Math.max(rawMax(first), rawMax(second)), merged.metric("hdr.max").orElseThrow().score(), 1e-9);
        assertEquals(2, merged.metric("hdr.p50").orElseThrow().rawData().size());
        double countSum = rawSum(first, "hdr.count") + rawSum(second, "hdr.count");
        assertEquals(countSum, merged.metric("hdr.count").orElseThrow().score(), 1e-6);
    }

    @Test
    void rowsOfOtherParametersStayApart() throws Exception {
        Path run = dir.resolve("run.json");
        JmhJsonMerger.appendFork(run, fork(6, "mpsc"));
        JmhJsonMerger.appendFork(run, fork(7, "netty"));

        List<BenchmarkResult> rows = JmhResultReader.read(run);
        assertEquals(4, rows.size());
        assertTrue(rows.stream().allMatch(row -> row.primaryMetric().rawData().size() == 1));
    }

    @Test
    void aForkThatIsNotJmhJsonIsRefusedAndTheRunIsLeftAlone() throws Exception {
        Path run = dir.resolve("run.json");
        JmhJsonMerger.appendFork(run, fork(8, "mpsc"));
        String before = Files.readString(run);
        Path broken = Files.writeString(dir.resolve("broken.json"), "Benchmark,Mode,Cnt,Score\n");

        assertThrows(ResultFileException.class, () -> JmhJsonMerger.appendFork(run, broken));
        assertEquals(before, Files.readString(run));
    }

    private Path fork(long seed, String impl) throws Exception {
        return new JmhJson(seed)
                .add(JmhJson.row(BURST, "thrpt", "ops/s", 2.0e6).param("impl", impl).forks(1))
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 40).param("impl", impl).forks(1)
                        .secondary("hdr.p50", "us", 7).secondary("hdr.max", "us", 900).secondary("hdr.count", "samples", 5000))
                .write(dir.resolve("fork-" + seed + "-" + impl + ".json"));
    }

    private static double rawMax(Path fork) {
        return raw(fork, "hdr.max").stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double rawSum(Path fork, String metric) {
        return raw(fork, metric).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> raw(Path fork, String metric) {
        return rows(fork, WAKEUP).metric(metric).orElseThrow().rawData().stream().flatMap(List::stream).toList();
    }

    private static BenchmarkResult single(Path run, String benchmark) throws Exception {
        return rows(run, benchmark);
    }

    private static BenchmarkResult rows(Path file, String benchmark) {
        try {
            return JmhResultReader.read(file).stream().filter(row -> row.key().benchmark().equals(benchmark))
                    .findFirst().orElseThrow();
        } catch (ResultFileException e) {
            throw new AssertionError(e);
        }
    }
}
