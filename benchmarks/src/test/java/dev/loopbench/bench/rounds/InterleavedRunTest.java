package dev.loopbench.bench.rounds;

import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.RoundSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule of an interleaved run, with a launcher that writes a one-fork JMH JSON instead of running JMH. */
class InterleavedRunTest {

    private static final List<Variant> VARIANTS = IntStream.range(0, 6)
            .mapToObj(i -> new Variant("dev.loopbench.bench.x.Bench.method" + i, Mode.Throughput,
                    new TreeMap<>(Map.of("impl", "mpsc"))))
            .toList();

    @TempDir
    Path dir;

    /** How much slower the fake head's throughput is than the base's. */
    private double headSlowdown = 1.0;

    /** Every fork the fake launcher was asked for, in order: side and benchmark. */
    private final List<String> launched = new ArrayList<>();

    @Test
    void eachRoundRunsEveryVariantOnceInAFreshOrder() throws Exception {
        Side run = Side.named("run", dir.resolve("run.jar"), dir.resolve("run.json"));
        runRounds(List.of(run), 5);

        assertEquals(5 * VARIANTS.size(), launched.size());
        Set<List<String>> orders = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            List<String> order = launched.subList(round * VARIANTS.size(), (round + 1) * VARIANTS.size());
            assertEquals(VARIANTS.size(), new HashSet<>(order).size(), "round " + round + " repeats a variant: " + order);
            orders.add(List.copyOf(order));
        }
        assertTrue(orders.size() > 1, "every round ran the variants in the same order");
    }

    @Test
    void everyRowGetsOneForkPerRound() throws Exception {
        Side run = Side.named("run", dir.resolve("run.jar"), dir.resolve("run.json"));
        runRounds(List.of(run), 3);

        List<BenchmarkResult> rows = JmhResultReader.read(run.json());
        assertEquals(VARIANTS.size(), rows.size());
        for (BenchmarkResult row : rows) {
            assertEquals(3, row.primaryMetric().rawData().size(), row.key().label());
        }
    }

    @Test
    void baseAndHeadForksOfAVariantRunSideBySideInEitherOrder() throws Exception {
        Side base = Side.named("base", dir.resolve("base.jar"), dir.resolve("base.json"));
        Side head = Side.named("head", dir.resolve("head.jar"), dir.resolve("head.json"));
        runRounds(List.of(base, head), 8);

        boolean headFirstSeen = false;
        boolean baseFirstSeen = false;
        for (int i = 0; i < launched.size(); i += 2) {
            String[] first = launched.get(i).split(" ");
            String[] second = launched.get(i + 1).split(" ");
            assertEquals(first[1], second[1], "a pair mixes variants at fork " + i);
            assertTrue(!first[0].equals(second[0]), "a pair ran one side twice at fork " + i);
            headFirstSeen |= first[0].equals("head");
            baseFirstSeen |= first[0].equals("base");
        }
        assertTrue(headFirstSeen && baseFirstSeen, "the order within pairs is not random");
        assertEquals(JmhResultReader.read(base.json()).size(), JmhResultReader.read(head.json()).size());
    }

    @Test
    void theScheduleRecordsEveryForkAndWhyTheRunStopped() throws Exception {
        Side run = Side.named("run", dir.resolve("run.jar"), dir.resolve("run.json"));
        ScheduleLog schedule = runRounds(List.of(run), 2);

        assertEquals(2 * VARIANTS.size(), schedule.forks().size());
        String written = Files.readString(dir.resolve("rounds.json"));
        assertTrue(written.contains("\"stopped\": \"all 2 rounds ran\""), written);
        assertTrue(schedule.forks().stream().allMatch(ScheduleLog.Fork::ok));
    }

    @Test
    void anABRunWhoseSidesAgreeStopsAtTheFirstLook() throws Exception {
        headSlowdown = 1.0;
        assertEquals(4, roundsOfSequentialRun());
    }

    @Test
    void anABRunWithAGrossRegressionStopsAtTheFirstLookToo() throws Exception {
        headSlowdown = 3.0;
        assertEquals(4, roundsOfSequentialRun());
        assertTrue(Files.readString(dir.resolve("rounds.json")).contains("the gate fails at look 1"));
    }

    @Test
    void aLookSpendsLittleOfTheRateEarlyAndTheScheduleRecordsIt() throws Exception {
        headSlowdown = 1.0;
        roundsOfSequentialRun();
        RoundSchedule schedule = RoundSchedule.read(dir.resolve("rounds.json"));
        assertEquals(1, schedule.looks().size());
        assertEquals(4, schedule.looks().get(0).round());
        // 4 of the 30 rounds the budget allows: an O'Brien-Fleming-type look spends far less than a 6-look split
        assertTrue(schedule.looks().get(0).alpha() < 0.05 / 6 / 100, schedule.looks().toString());
    }

    @Test
    void theBudgetsLastRoundIsALookThoughNoLookWasDue() {
        ScheduleLog log = new ScheduleLog(dir.resolve("rounds.json"), 1, List.of());
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        SequentialGate gate = new SequentialGate(dir.resolve("base.json"), dir.resolve("head.json"),
                dir.resolve("rounds.json"), 4, 30, Duration.ofMinutes(10), Thresholds.uniform(10), log, progress);
        // 3 rounds in 9 minutes: a fourth would overrun 10 minutes, so round 3 is the last look though no look was due
        Optional<String> stop = gate.stopAfter(3, Duration.ofMinutes(9));
        assertTrue(stop.orElseThrow().contains("cannot be read"), stop.toString());
        assertEquals(Optional.empty(), gate.stopAfter(2, Duration.ofMinutes(2)));
    }

    @Test
    void looksAreSpacedByHalfAgainUpToTheLastRound() {
        assertEquals(List.of(4, 6, 9, 14, 21, 30), SequentialGate.lookRounds(4, 30));
        assertEquals(List.of(3), SequentialGate.lookRounds(3, 3));
    }

    /** Runs an A/B run with a sequential gate; returns how many rounds it took. */
    private int roundsOfSequentialRun() throws InterruptedException {
        Side base = Side.named("base", dir.resolve("base.jar"), dir.resolve("base.json"));
        Side head = Side.named("head", dir.resolve("head.jar"), dir.resolve("head.json"));
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ScheduleLog schedule = new ScheduleLog(dir.resolve("rounds.json"), 42, List.of(base, head));
        SequentialGate gate = new SequentialGate(base.json(), head.json(), dir.resolve("rounds.json"), 4, 30,
                Duration.ofHours(1), Thresholds.uniform(10), schedule, progress);
        new InterleavedRun(VARIANTS, List.of(base, head), List.of(), this::fakeFork, gate, new Random(42), schedule,
                progress, Optional.empty()).run();
        return launched.size() / (2 * VARIANTS.size());
    }

    private ScheduleLog runRounds(List<Side> sides, int rounds) throws InterruptedException {
        ScheduleLog schedule = new ScheduleLog(dir.resolve("rounds.json"), 42, sides);
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new InterleavedRun(VARIANTS, sides, List.of("-wi", "1"), this::fakeFork, StoppingRule.fixedRounds(rounds),
                new Random(42), schedule, progress, Optional.of(rounds)).run();
        return schedule;
    }

    private ForkLauncher.Outcome fakeFork(Side side, List<String> jmhArgs, Path forkJson) {
        String benchmark = jmhArgs.get(jmhArgs.indexOf("-bm") - 1).replace("^\\Q", "").replace("\\E$", "");
        launched.add(side.name() + " " + benchmark);
        // the same score for both sides of a round, the head's scaled: a drift the pairing must cancel
        int round = (launched.size() - 1) / (2 * VARIANTS.size());
        double score = 1000 + 100 * (round % 3);
        try {
            boolean head = side.name().equals("head");
            Files.writeString(forkJson, oneForkJson(benchmark, head ? score / headSlowdown : score,
                    head ? 1e9 / score * headSlowdown : 1e9 / score));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ForkLauncher.Outcome(0, "");
    }

    /** One fork with its throughput and a gated metric, the loop's own CPU per task. */
    private static String oneForkJson(String benchmark, double score, double loopNanos) {
        return """
                [{"jmhVersion":"1.37","benchmark":"%s","mode":"thrpt","threads":1,"forks":1,"jvm":"java",
                  "jvmArgs":[],"jdkVersion":"17","vmName":"OpenJDK","vmVersion":"17","warmupIterations":1,
                  "warmupTime":"1 s","warmupBatchSize":1,"measurementIterations":2,"measurementTime":"1 s",
                  "measurementBatchSize":1,"params":{"impl":"mpsc"},
                  "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":[%s,%s],
                    "scorePercentiles":{"0.0":%s,"50.0":%s,"100.0":%s},"scoreUnit":"ops/s","rawData":[[%s,%s]]},
                  "secondaryMetrics":{"cpu.loop.own.ns.per.op":{"score":%s,"scoreError":"NaN",
                    "scoreConfidence":[%s,%s],"scorePercentiles":{},"scoreUnit":"ns/op","rawData":[[%s,%s]]}}}]
                """.formatted(benchmark, score, score, score, score, score, score, score, score,
                loopNanos, loopNanos, loopNanos, loopNanos, loopNanos);
    }
}
