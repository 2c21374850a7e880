package dev.loopbench.tools.compare;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gated set of {@link GatedMetrics} and the rules that come with it, on synthetic runs. */
class GatedMetricsTest {

    private static final String BENCH = "dev.loopbench.bench.";
    private static final String ONE_WAY = BENCH + "latency.OneWayLatency.fixedRate";
    private static final String ROUND_TRIP = BENCH + "latency.RoundTripLatency.roundTrip";
    private static final String WAKEUP = BENCH + "wakeup.WakeupLatency.roundTripAfterGap";
    private static final String BURST = BENCH + "throughput.BurstThroughput.from1Producer";
    private static final String OWN_CPU = "cpu.loop.own.ns.per.op";
    private static final String LOOP_CPU = "cpu.loop.ns.per.op";
    private static final String ALLOC = "alloc.loop.bytes.per.op";
    private static final ComparisonSettings PAIRED = ComparisonSettings.paired(Thresholds.uniform(10));

    @TempDir
    Path dir;

    private int files;

    @Test
    void aPacedSenderBelow99PercentOfItsRateIsBrokenAndItsRateIsNotGated() throws Exception {
        RunComparison behind = compare(oneWay(5000, 5000, 5000), oneWay(5000, 4900, 5000));
        RunComparison keepingUp = compare(oneWay(5000, 5000, 5000), oneWay(4990, 5000, 4995));

        assertAll(
                () -> assertTrue(behind.gateFails()),
                () -> assertTrue(behind.broken().get(0).contains("achieved only 98% of its offered rate"), behind.broken().toString()),
                () -> assertEquals(List.of(), keepingUp.broken()),
                () -> assertFalse(gated(keepingUp).containsKey("score"), "the achieved rate is reported, not gated"));
    }

    @Test
    void oneWayGatesTheLatencyFromExecuteNotFromTheIntendedSlot() throws Exception {
        RunComparison comparison = compare(oneWay(5000, 5000, 5000), oneWay(5000, 5000, 5000));

        assertEquals(List.of("hdr.fromExecute.p50", "hdr.fromExecute.p90"), List.copyOf(gated(comparison).keySet()));
    }

    @Test
    void roundTripsAreGatedPerModeWithTheShareNotAsABlend() throws Exception {
        JmhJson.Row row = JmhJson.row(ROUND_TRIP, "avgt", "us/op", 20).param("impl", "mpsc").param("producerWait", "park")
                .secondary("hdr.p50", "us", 20).secondary("hdr.p90", "us", 40)
                .secondary("hdr.awakeLoop.p50", "us", 5).secondary("hdr.wokenLoop.p50", "us", 30)
                .secondary("wokenLoop.share", "share", 0.7);

        RunComparison comparison = compare(row, row);

        assertEquals(List.of("hdr.awakeLoop.p50", "hdr.wokenLoop.p50", "wokenLoop.share"),
                List.copyOf(gated(comparison).keySet()));
    }

    @Test
    void theAwakeRoundTripIsGatedAndTheWakeupAfterAGapIsNot() throws Exception {
        RunComparison comparison = compare(wakeups(), wakeups());

        List<String> gated = comparison.comparisons().stream().filter(MetricComparison::gated)
                .map(c -> c.key().params().get("idleGapMicros") + " " + c.metric()).toList();
        assertEquals(List.of("0 hdr.p50"), gated);
    }

    @Test
    void theLoopsCpuIsGatedOnlyWhereItsOwnCostIsMissing() throws Exception {
        JmhJson.Row both = burst().secondary(OWN_CPU, "ns/op", 100).secondary(LOOP_CPU, "ns/op", 400);
        JmhJson.Row older = burst().secondary(LOOP_CPU, "ns/op", 400);

        assertEquals(List.of(OWN_CPU), List.copyOf(gated(compare(both, both)).keySet()));
        assertEquals(List.of(LOOP_CPU), List.copyOf(gated(compare(older, older)).keySet()));
    }

    @Test
    void zeroAllocationIsUnchangedAndANewObjectPerTaskIsSlower() throws Exception {
        JmhJson.Row none = burst().secondaryForks(ALLOC, "B/op", 0, 0, 0, 0);
        JmhJson.Row noise = burst().secondaryForks(ALLOC, "B/op", 0.01, 0, 0.02, 0);
        JmhJson.Row objectPerTask = burst().secondaryForks(ALLOC, "B/op", 24, 24, 24, 24);

        Change unchanged = gated(compare(none, noise)).get(ALLOC);
        Change slower = gated(compare(none, objectPerTask)).get(ALLOC);

        assertAll(
                () -> assertEquals(Verdict.UNCHANGED, unchanged.verdict(), unchanged.toString()),
                () -> assertEquals(Verdict.SLOWER, slower.verdict(), slower.toString()),
                () -> assertTrue(slower.note().contains("change of value + 16 B/op"), slower.note()));
    }

    @Test
    void anOwnCostNearZeroOrBelowIsComparedAndFiftyNanosecondsMoreIsSlower() throws Exception {
        JmhJson.Row light = burst().secondaryForks(OWN_CPU, "ns/op", 5, -3, 4, 1);
        JmhJson.Row noise = burst().secondaryForks(OWN_CPU, "ns/op", 4, -2, 5, 2);
        JmhJson.Row fiftyMore = burst().secondaryForks(OWN_CPU, "ns/op", 55, 47, 54, 51);

        Change unchanged = gated(compare(light, noise)).get(OWN_CPU);
        Change slower = gated(compare(light, fiftyMore)).get(OWN_CPU);

        assertAll(
                () -> assertEquals(Verdict.UNCHANGED, unchanged.verdict(), unchanged.toString()),
                () -> assertEquals(Verdict.SLOWER, slower.verdict(), slower.toString()),
                () -> assertTrue(slower.note().contains("change of value + 100 ns/op"), slower.note()));
    }

    @Test
    void allocationHasATightThresholdOfItsOwnWhichTheFileOverrides() throws Exception {
        JmhJson.Row base = burst().secondaryForks(ALLOC, "B/op", 1000, 1001, 999, 1000)
                .secondaryForks(OWN_CPU, "ns/op", 100, 101, 99, 100);
        JmhJson.Row threePercentMore = burst().secondaryForks(ALLOC, "B/op", 1030, 1031, 1029, 1030)
                .secondaryForks(OWN_CPU, "ns/op", 103, 104, 102, 103);
        Path file = Files.writeString(dir.resolve("thresholds.properties"), "default = 10\nmetric." + ALLOC + " = 5\n");

        Map<String, Change> tight = gated(compare(base, threePercentMore));
        Map<String, Change> overridden = gated(RunComparator.compare(run(base), run(threePercentMore),
                ComparisonSettings.paired(Thresholds.read(file, 10))));

        assertAll(
                () -> assertEquals(Verdict.SLOWER, tight.get(ALLOC).verdict()),
                () -> assertEquals(Verdict.SLOWER_UNDER_THRESHOLD, tight.get(OWN_CPU).verdict()),
                () -> assertEquals(Verdict.SLOWER_UNDER_THRESHOLD, overridden.get(ALLOC).verdict()));
    }

    @Test
    void aChangeBeyondDoubtUnderTheThresholdIsSaidAndPassesTheGate() throws Exception {
        JmhJson.Row base = burst().secondaryForks(OWN_CPU, "ns/op", 100, 120, 90, 110, 100);
        JmhJson.Row faster = burst().secondaryForks(OWN_CPU, "ns/op", 96, 115.5, 86, 105.4, 96.2);

        RunComparison comparison = compare(base, faster);

        assertAll(
                () -> assertEquals(Verdict.FASTER_UNDER_THRESHOLD, gated(comparison).get(OWN_CPU).verdict()),
                () -> assertFalse(comparison.gateFails()),
                () -> assertFalse(comparison.inconclusive()),
                () -> assertTrue(ComparisonTextRenderer.render(comparison).startsWith("PASS")),
                () -> assertTrue(ComparisonTextRenderer.render(comparison).contains("faster, under threshold")));
    }

    @Test
    void aGatedMetricAnOlderRunLacksIsNotCompared() throws Exception {
        JmhJson.Row older = burst().secondary(OWN_CPU, "ns/op", 100);
        JmhJson.Row newer = burst().secondary(OWN_CPU, "ns/op", 100).secondary(ALLOC, "B/op", 0);

        RunComparison comparison = compare(older, newer);

        assertAll(
                () -> assertEquals(List.of(OWN_CPU), List.copyOf(gated(comparison).keySet())),
                () -> assertEquals(List.of(), comparison.broken()),
                () -> assertEquals(List.of(List.of(ALLOC)), comparison.onlyInNew().stream().map(UnmatchedRow::metrics).toList()));
    }

    private static JmhJson.Row oneWay(double... achievedPerFork) {
        return JmhJson.row(ONE_WAY, "thrpt", "ops/s", 5000).param("impl", "mpsc").param("sendsPerSecond", "5000")
                .primaryForks(achievedPerFork).forks(achievedPerFork.length)
                .secondary("hdr.p50", "us", 40).secondary("hdr.p90", "us", 80)
                .secondary("hdr.fromExecute.p50", "us", 20).secondary("hdr.fromExecute.p90", "us", 30);
    }

    private static JmhJson.Row burst() {
        return JmhJson.row(BURST, "thrpt", "ops/s", 1e6).param("impl", "mpsc").forks(4);
    }

    private static JmhJson wakeups() {
        return new JmhJson(1)
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 10).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 5).secondary("hdr.p90", "us", 8))
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 40).param("impl", "mpsc").param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 20).secondary("hdr.p90", "us", 30));
    }

    private RunComparison compare(JmhJson.Row base, JmhJson.Row next) throws Exception {
        return RunComparator.compare(run(base), run(next), PAIRED);
    }

    private RunComparison compare(JmhJson base, JmhJson next) throws Exception {
        return RunComparator.compare(run(base), run(next), PAIRED);
    }

    private Run run(JmhJson.Row row) throws Exception {
        return run(new JmhJson(files).add(row));
    }

    private Run run(JmhJson json) throws Exception {
        Path file = json.write(dir.resolve("run-" + files++ + ".json"));
        return new Run(file.toString(), JmhResultReader.read(file), Optional.empty());
    }

    private static Map<String, Change> gated(RunComparison comparison) {
        return comparison.comparisons().stream().filter(MetricComparison::gated)
                .collect(Collectors.toMap(MetricComparison::metric, MetricComparison::change, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
