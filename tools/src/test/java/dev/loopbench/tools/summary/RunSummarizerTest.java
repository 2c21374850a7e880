package dev.loopbench.tools.summary;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.results.JmhResultReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSummarizerTest {

    private static final String LATENCY = "dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap";
    private static final String THROUGHPUT = "dev.loopbench.bench.throughput.BurstThroughput.from1Producer";
    private static final String SPIN_LIMIT = "dev.loopbench.bench.limits.SpinPingPongLimit.roundTrip";

    @TempDir
    Path dir;

    @Test
    void marksTheBestImplInEitherDirection() throws Exception {
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run()));

        assertEquals("mpsc", best(figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt)")));
        assertEquals("locked", best(figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 hdr.p99 (avgt)")));
        assertEquals("netty", best(figure(summary, "BurstThroughput.from1Producer taskWork=256 score (thrpt)")));
    }

    @Test
    void readsLoopsAgainstTheirLimitInCommonUnits() throws Exception {
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run()));

        Map<String, Double> ratios = figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt)").impls().stream()
                .collect(Collectors.toMap(ImplScore::impl, impl -> impl.limitRatio().orElseThrow().ratio()));

        assertEquals(4.0, ratios.get("mpsc"), 0.4);
        assertEquals(6.0, ratios.get("locked"), 0.6);
    }

    @Test
    void theWakeupLimitIsNoFloorForALoopNoProducerWoke() throws Exception {
        String unparkLimit = "dev.loopbench.bench.limits.UnparkAfterGapLimit.roundTripAfterGap";
        Path json = new JmhJson(5)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 20).param("impl", "mpsc").param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 9).secondary("wakeups.issued.per.op", "wakeups/op", 1))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 20).param("impl", "agrona").param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 6).secondary("wakeups.issued.per.op", "wakeups/op", 0))
                .add(JmhJson.row(unparkLimit, "avgt", "us/op", 18).param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 8))
                .write(dir.resolve("unwoken.json"));
        Figure median = figure(RunSummarizer.summarize(JmhResultReader.read(json)),
                "WakeupLatency.roundTripAfterGap idleGapMicros=1000 hdr.p50 (avgt)");
        Map<String, ImplScore> byImpl = median.impls().stream().collect(Collectors.toMap(ImplScore::impl, impl -> impl));
        assertTrue(byImpl.get("mpsc").limitRatio().isPresent());
        assertTrue(byImpl.get("agrona").limitRatio().isEmpty());
    }

    @Test
    void aFigureWhoseLimitIsAbsentHasNoRatioAndANote() throws Exception {
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run()));

        Figure throughput = figure(summary, "BurstThroughput.from1Producer taskWork=256 score (thrpt)");

        assertTrue(throughput.impls().stream().allMatch(impl -> impl.limitRatio().isEmpty()));
        assertEquals(List.of("no usable dev.loopbench.bench.limits.MpscQueueLimit.from1Producer in this run: "
                + "figures read against it have no limit ratio"), limitNotes(summary));
    }

    @Test
    void secondaryFiguresAreNotReadAgainstTheLimit() throws Exception {
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run()));

        Figure p99 = figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 hdr.p99 (avgt)");

        assertTrue(p99.impls().stream().allMatch(impl -> impl.limitRatio().isEmpty()));
        assertFalse(summary.figures().stream().anyMatch(f -> f.key().metric().equals("hdr.count")));
    }

    @Test
    void aSendRateIsNotReadAgainstALatencyLimitButItsMedianIsReadAgainstTheLimitsMedian() throws Exception {
        Path fixedRate = new JmhJson(7)
                .add(JmhJson.row(LATENCY, "thrpt", "ops/s", 5000).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 10))
                .add(JmhJson.row(LATENCY, "thrpt", "ops/s", 5000).param("impl", "netty").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 20))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "ns/op", 5000).secondary("hdr.p50", "us", 0.5))
                .write(dir.resolve("fixed-rate.json"));
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(fixedRate));

        Figure rate = figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (thrpt)");
        assertTrue(rate.impls().stream().allMatch(impl -> impl.limitRatio().isEmpty()), rate.toString());
        Map<String, Double> medianRatios = figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 hdr.p50 (thrpt)").impls().stream()
                .collect(Collectors.toMap(ImplScore::impl, impl -> impl.limitRatio().orElseThrow().ratio()));
        assertEquals(20.0, medianRatios.get("mpsc"), 2.0);
        assertEquals(40.0, medianRatios.get("netty"), 4.0);
    }

    @Test
    void aLimitWithALatencyDistributionIsReadByItsMedianOnly() throws Exception {
        Path run = new JmhJson(7)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 20).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 10))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "us/op", 5).secondary("hdr.p50", "us", 0.5))
                .write(dir.resolve("median-limit.json"));
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run));

        assertTrue(figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt)").impls().get(0)
                .limitRatio().isEmpty());
        assertEquals(20.0, figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 hdr.p50 (avgt)").impls()
                .get(0).limitRatio().orElseThrow().ratio(), 2.0);
    }

    @Test
    void aMedianIsNeverReadAgainstALimitsMean() throws Exception {
        Path run = new JmhJson(7)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 20).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 10))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "ns/op", 500))
                .write(dir.resolve("mean-only-limit.json"));
        RunSummary summary = RunSummarizer.summarize(JmhResultReader.read(run));

        Figure median = figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 hdr.p50 (avgt)");
        assertTrue(median.impls().stream().allMatch(impl -> impl.limitRatio().isEmpty()), median.toString());
        assertTrue(figure(summary, "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt)").impls().get(0)
                .limitRatio().isPresent());
        assertEquals(List.of(), limitNotes(summary));
    }

    /** The notes about limits; the synthetic rows' iterations also drift, which {@link WarmupDriftTest} covers. */
    private static List<String> limitNotes(RunSummary summary) {
        return summary.notes().stream().filter(note -> note.startsWith("no usable")).toList();
    }

    private Path run() throws Exception {
        return new JmhJson(7)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 2.0).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p99", "us", 9).secondary("hdr.count", "samples", 1000))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 3.0).param("impl", "locked").param("idleGapMicros", "0")
                        .secondary("hdr.p99", "us", 7).secondary("hdr.count", "samples", 1000))
                .add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 4.0).param("impl", "mpsc").param("taskWork", "256"))
                .add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 5.0).param("impl", "netty").param("taskWork", "256"))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "ns/op", 500))
                .write(dir.resolve("run.json"));
    }

    private static Figure figure(RunSummary summary, String label) {
        return summary.figures().stream().filter(f -> f.key().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + summary.figures().stream().map(f -> f.key().label()).toList()));
    }

    private static String best(Figure figure) {
        List<String> best = figure.impls().stream().filter(ImplScore::best).map(ImplScore::impl).toList();
        assertEquals(1, best.size(), figure.toString());
        return best.get(0);
    }
}
