package dev.loopbench.bench.launcher;

import dev.loopbench.loop.TuningGrid;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningRunTest {

    @Test
    void withoutTuneTheArgumentsPassThrough() {
        TuningRun.Parsed parsed = TuningRun.parse(List.of("--budget", "5m", "-f", "1"));
        assertTrue(parsed.run().isEmpty());
        assertEquals(List.of("--budget", "5m", "-f", "1"), parsed.rest());
    }

    @Test
    void sweepsEverySettingOfTheGridAtEveryRateInOneRound() {
        TuningRun.Parsed parsed = TuningRun.parse(List.of("--tune", "mpsc", "--rates", "2000,20000",
                "--budget", "1h", "-rff", "x.json"));
        TuningRun run = parsed.run().orElseThrow();
        assertEquals(List.of("-rff", "x.json"), parsed.rest());
        List<String> args = run.jmhArguments();
        int gridSize = TuningGrid.of(EventLoopRegistry.provider("mpsc")).size();
        assertEquals(gridSize, run.settings().size());
        assertEquals(2 * gridSize, run.forks());
        assertTrue(args.containsAll(List.of("--rounds", "1", "-p", "impl=mpsc", "-p", "sendsPerSecond=2000,20000")), args::toString);
        assertTrue(args.contains("loopOptions=" + String.join(",", run.settings())), args::toString);
    }

    @Test
    void theBudgetSetsTheIterationsWithinTheirBounds() {
        assertEquals(TuningRun.MAX_ITERATIONS, new TuningRun("mpsc", List.of(1000), Duration.ofHours(5)).iterations());
        TuningRun tight = new TuningRun("mpsc", List.of(1000), Duration.ofSeconds(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tight::iterations);
        assertTrue(e.getMessage().contains("--budget"), e.getMessage());
    }

    @Test
    void badInputSaysWhatIsExpected() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> TuningRun.parse(List.of("--tune")));
        assertTrue(noName.getMessage().contains("mpsc"), noName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TuningRun.parse(List.of("--tune", "nope")));
        IllegalArgumentException rates = assertThrows(IllegalArgumentException.class,
                () -> TuningRun.parse(List.of("--tune", "mpsc", "--rates", "fast")));
        assertTrue(rates.getMessage().contains("e.g. 1000,10000,100000"), rates.getMessage());
    }

    @Test
    void aLoopWithNothingToTuneIsRefusedNamingTheLoopsThatHaveSomething() {
        TuningRun run = TuningRun.parse(List.of("--tune", "netty")).run().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::settings);
        assertTrue(e.getMessage().contains("nothing to tune") && e.getMessage().contains("mpsc"), e.getMessage());
    }

    @Test
    void whatTheRunSetsItselfCannotBeOverridden() {
        for (List<String> override : List.of(List.of("-f", "3"), List.of("-i", "2"), List.of("-p", "loopOptions=idle=spin"),
                List.of("-p", "sendsPerSecond=5"), List.of("--rounds", "2"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--tune", "mpsc"));
            args.addAll(override);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuningRun.parse(args));
            assertTrue(e.getMessage().contains("--tune sets " + (override.get(0).equals("-p") ? "-p " + override.get(1)
                    : override.get(0))), e.getMessage());
        }
    }

    @Test
    void ratesWithoutTuneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TuningRun.parse(List.of("--rates", "1000")));
        assertTrue(e.getMessage().contains("--tune IMPL"), e.getMessage());
    }
}
