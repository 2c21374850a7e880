package dev.loopbench.bench.rounds;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundsOptionsTest {

    @Test
    void roundsOptionsAreTakenOutAndTheRestIsLeftForJmh() {
        RoundsOptions.Parsed parsed = RoundsOptions.parse(List.of("--ab", "base.jar", "--out", "ab", "--budget", "10m",
                "-p", "impl=mpsc", "--seed", "7", "WakeupLatency"));

        assertEquals(List.of("-p", "impl=mpsc", "WakeupLatency"), parsed.rest());
        assertEquals(Optional.of(Path.of("base.jar")), parsed.options().abBase());
        assertEquals(Duration.ofMinutes(10), parsed.options().budget());
        assertEquals(7, parsed.options().seed());
        assertTrue(parsed.options().active());
    }

    @Test
    void headJvmFlagsRepeatAndStayOutOfJmhsArguments() {
        RoundsOptions.Parsed parsed = RoundsOptions.parse(List.of("--ab", "base.jar", "--out", "ab",
                "--head-jvm-arg", "-Dloopbench.slowdown.taskNanos=50", "-p", "impl=mpsc",
                "--head-jvm-arg", "-Dloopbench.slowdown.wakeupNanos=1000"));

        assertEquals(List.of("-Dloopbench.slowdown.taskNanos=50", "-Dloopbench.slowdown.wakeupNanos=1000"),
                parsed.options().headJvmArgs());
        assertEquals(List.of("-p", "impl=mpsc"), parsed.rest());
        assertEquals(List.of(), RoundsOptions.parse(List.of("--interleave")).options().headJvmArgs());
    }

    @Test
    void withoutRoundsOptionsNothingIsInterleaved() {
        assertFalse(RoundsOptions.parse(List.of("-f", "3")).options().active());
    }

    @Test
    void badValuesSayWhatWouldBeRight() {
        assertMessage("--ab needs --out DIR", List.of("--ab", "base.jar"));
        assertMessage("--rounds takes a number from 1", List.of("--rounds", "0"));
        assertMessage("--rounds needs a value", List.of("--rounds"));
        assertMessage("write e.g. 90s, 20m or 1h30m", List.of("--budget", "ten minutes"));
        assertMessage("--min-rounds 9 is more than --max-rounds 5", List.of("--min-rounds", "9", "--max-rounds", "5"));
        assertMessage("--head-jvm-arg is for --ab runs", List.of("--interleave", "--head-jvm-arg", "-Dx=1"));
        assertMessage("takes one JVM flag without spaces", List.of("--ab", "b.jar", "--out", "ab", "--head-jvm-arg", "-Dx=1 -Dy=2"));
        assertMessage("takes one JVM flag without spaces", List.of("--ab", "b.jar", "--out", "ab", "--head-jvm-arg", "Dx=1"));
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45s"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("4m05s", Durations.format(Duration.ofSeconds(245)));
    }

    private static void assertMessage(String expected, List<String> args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoundsOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
