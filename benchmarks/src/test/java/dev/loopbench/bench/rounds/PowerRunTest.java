package dev.loopbench.bench.rounds;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerRunTest {

    @Test
    void withoutPowerTheArgumentsPassUntouched() {
        PowerRun.Parsed parsed = PowerRun.parse(List.of("--ab", "base.jar", "-p", "impl=mpsc"));

        assertFalse(parsed.run().isPresent());
        assertEquals(List.of("--ab", "base.jar", "-p", "impl=mpsc"), parsed.rest());
    }

    @Test
    void powerTakesItsOptionsAndLeavesTheABOptionsAndJmhsToTheirParsers() {
        PowerRun.Parsed parsed = PowerRun.parse(List.of("--power", "out", "--runs", "3", "--slowdowns",
                "taskNanos=50,wakeupNanos=1000", "--budget", "20m", "-p", "impl=mpsc"));

        PowerRun run = parsed.run().orElseThrow();
        assertAll(
                () -> assertEquals(Path.of("out"), run.dir()),
                () -> assertEquals(3, run.runs()),
                () -> assertEquals(List.of("taskNanos=50", "wakeupNanos=1000"), run.slowdowns()),
                () -> assertEquals(List.of("--budget", "20m", "-p", "impl=mpsc"), parsed.rest()));
    }

    @Test
    void theDefaultsAreTenRunsOfTheThreeSlowdownsTheGateIsMeasuredAgainst() {
        PowerRun run = PowerRun.parse(List.of("--power", "out")).run().orElseThrow();

        assertEquals(10, run.runs());
        assertEquals(List.of("taskNanos=50", "taskNanos=10", "wakeupNanos=1000"), run.slowdowns());
    }

    @Test
    void aSlowdownBecomesTheHeadsSystemProperty() {
        assertEquals("-Dloopbench.slowdown.taskNanos=50", PowerRun.jvmFlag("taskNanos=50"));
    }

    @Test
    void badInputIsRefusedWithWhatWouldBeRight() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PowerRun.parse(List.of("--power", "out", "--slowdowns", "cpuNanos=50")));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PowerRun.parse(List.of("--power", "out", "--slowdowns", "taskNanos=0")));
        IllegalArgumentException runs = assertThrows(IllegalArgumentException.class,
                () -> PowerRun.parse(List.of("--power", "out", "--runs", "0")));
        IllegalArgumentException setByTheRun = assertThrows(IllegalArgumentException.class,
                () -> PowerRun.parse(List.of("--power", "out", "--ab", "base.jar")));
        IllegalArgumentException withoutPower = assertThrows(IllegalArgumentException.class,
                () -> PowerRun.parse(List.of("--runs", "3")));
        assertAll(
                () -> assertTrue(unknown.getMessage().contains("taskNanos=N"), unknown.getMessage()),
                () -> assertTrue(zero.getMessage().contains("N from 1"), zero.getMessage()),
                () -> assertTrue(runs.getMessage().contains("from 1 to 1000"), runs.getMessage()),
                () -> assertTrue(setByTheRun.getMessage().contains("set by the power run"), setByTheRun.getMessage()),
                () -> assertTrue(withoutPower.getMessage().contains("--power DIR"), withoutPower.getMessage()));
    }
}
