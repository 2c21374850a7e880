package dev.loopbench.tools.summary;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.ToolsMain;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.RoundSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits read as floors: per round, with an interval, never below 1, and only where they bound the loop. */
class LimitFloorsTest {

    private static final String WAKEUP = "dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap";
    private static final String ROUND_TRIP = "dev.loopbench.bench.latency.RoundTripLatency.roundTrip";
    private static final String SPIN_LIMIT = "dev.loopbench.bench.limits.SpinPingPongLimit.roundTrip";
    private static final String FIGURE = "WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt)";

    @TempDir
    Path dir;

    @Test
    void theRatioIsTheGeometricMeanOfPerRoundRatiosWithAnInterval() throws Exception {
        // the machine drifts 4x over the run, on loop and limit alike: each round's ratio is exactly 2
        Path json = awakeRun(new double[] {2, 4, 8}, new double[] {1, 2, 4});
        Optional<RoundSchedule> schedule = Optional.of(RoundSchedule.read(schedule(json, 3)));

        LimitRatio paired = ratio(RunSummarizer.summarize(JmhResultReader.read(json), schedule));
        LimitRatio unpaired = ratio(RunSummarizer.summarize(JmhResultReader.read(json)));

        assertAll(
                () -> assertEquals(2.0, paired.ratio(), 1e-9),
                () -> assertEquals(2.0, paired.low(), 1e-9),
                () -> assertEquals(2.0, paired.high(), 1e-9),
                () -> assertTrue(paired.byRound()),
                () -> assertEquals(2.0, unpaired.ratio(), 1e-9),
                () -> assertTrue(unpaired.high() / unpaired.low() > 4, "the drift widens an unpaired interval: " + unpaired),
                () -> assertTrue(unpaired.shown().endsWith("(unpaired)"), unpaired.shown()));
    }

    @Test
    void aRatioBelowOneSaysTheLimitIsNoFloorAndIsNeverRankedOrCharted() throws Exception {
        Path json = awakeRun(new double[] {0.8, 0.8, 0.8}, new double[] {1, 1, 1});
        Files.copy(json, dir.resolve("below.json"));

        LimitRatio ratio = ratio(RunSummarizer.summarize(JmhResultReader.read(json)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolsMain.run(new String[] {"summary", dir.resolve("below.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String summary = out.toString(StandardCharsets.UTF_8);

        assertAll(
                () -> assertFalse(ratio.isFloor()),
                () -> assertEquals("the limit is no floor here (0.80x)", ratio.shown()),
                () -> assertTrue(summary.contains("the limit is no floor here"), summary));
    }

    @Test
    void theSpinLimitIsNoFloorForALoopThatWasWoken() throws Exception {
        Path json = new JmhJson(3)
                .add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 5).param("impl", "mpsc").param("producerWait", "spin")
                        .secondary("wakeups.per.op", "wakeups/op", 0.001))
                .add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 9).param("impl", "netty").param("producerWait", "spin")
                        .secondary("wakeups.per.op", "wakeups/op", 0.3))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "us/op", 0.5))
                .write(dir.resolve("woken.json"));

        Figure figure = RunSummarizer.summarize(JmhResultReader.read(json)).figures().stream()
                .filter(f -> f.key().label().equals("RoundTripLatency.roundTrip producerWait=spin score (avgt)"))
                .findFirst().orElseThrow();

        assertEquals(List.of("mpsc"), figure.impls().stream().filter(impl -> impl.limitRatio().isPresent())
                .map(ImplScore::impl).toList());
    }

    @Test
    void noLoopIsBestWithinTheOthersForkSpread() throws Exception {
        Path overlapping = new JmhJson(1)
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 10).param("impl", "mpsc").param("idleGapMicros", "0").primaryForks(9, 10, 12))
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 10).param("impl", "netty").param("idleGapMicros", "0").primaryForks(11, 10.5, 11.5))
                .write(dir.resolve("overlapping.json"));
        Path clear = new JmhJson(1)
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 10).param("impl", "mpsc").param("idleGapMicros", "0").primaryForks(9, 10, 9.5))
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 10).param("impl", "netty").param("idleGapMicros", "0").primaryForks(11, 10.5, 11.5))
                .write(dir.resolve("clear.json"));

        assertEquals(List.of(), bestOf(overlapping));
        assertEquals(List.of("mpsc"), bestOf(clear));
    }

    private List<String> bestOf(Path json) throws Exception {
        return RunSummarizer.summarize(JmhResultReader.read(json)).figures().stream()
                .filter(f -> f.key().label().equals(FIGURE)).findFirst().orElseThrow()
                .impls().stream().filter(ImplScore::best).map(ImplScore::impl).toList();
    }

    /** One loop at gap 0 and the spin limit, fork {@code i} of each from round {@code i + 1}. */
    private Path awakeRun(double[] loopMicros, double[] limitMicros) throws Exception {
        return new JmhJson(1)
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 1).param("impl", "mpsc").param("idleGapMicros", "0")
                        .primaryForks(loopMicros))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "us/op", 1).primaryForks(limitMicros))
                .write(dir.resolve("run.json"));
    }

    /** {@code RUN.rounds.json} of a plain interleaved run: one fork of each row per round, in order. */
    private Path schedule(Path json, int rounds) throws Exception {
        StringBuilder forks = new StringBuilder();
        for (int round = 1; round <= rounds; round++) {
            forks.append(round == 1 ? "" : ",").append("""
                    {"round": %d, "side": "run", "benchmark": "%s", "mode": "avgt",
                     "params": {"impl": "mpsc", "idleGapMicros": "0"}, "ok": true},
                    {"round": %d, "side": "run", "benchmark": "%s", "mode": "avgt", "ok": true}"""
                    .formatted(round, WAKEUP, round, SPIN_LIMIT));
        }
        return Files.writeString(dir.resolve("run.rounds.json"), """
                {"seed": 1, "sides": {"run": "%s"}, "stopped": "", "forks": [%s]}
                """.formatted(json, forks));
    }

    private static LimitRatio ratio(RunSummary summary) {
        return summary.figures().stream().filter(f -> f.key().label().equals(FIGURE)).findFirst().orElseThrow()
                .impls().get(0).limitRatio().orElseThrow();
    }
}
