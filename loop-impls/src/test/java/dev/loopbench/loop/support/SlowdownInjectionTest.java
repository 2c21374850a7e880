package dev.loopbench.loop.support;

import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slowdown properties, end to end: each is read once per JVM, so each case runs {@link SlowdownProbe} in a JVM
 * of its own, and compares the loop threads' CPU with a JVM that has no slowdown. CPU time, not wall time: the
 * burn must show in the loop thread's own clock, however loaded the machine; and the assertion asks for half the
 * burn only, so a loop's own CPU noise between the two JVMs cannot fail it.
 */
class SlowdownInjectionTest {

    private static final int TASKS = 100;
    private static final long BURN_NANOS = 500_000;
    /** Half of what the burn adds over all tasks. */
    private static final long MIN_EXTRA_CPU_NANOS = TASKS * BURN_NANOS / 2;
    /** No producer ever wakes it: its idle strategies return by themselves (see {@link Slowdown}). */
    private static final Set<String> NEVER_WOKEN = Set.of(AgronaEventLoopProvider.NAME);
    private static final long PROBE_TIMEOUT_SECONDS = 300;

    /** Loop thread CPU per loop, without a slowdown. */
    private static Map<String, Long> unslowed;

    @BeforeAll
    static void runWithoutSlowdown() throws Exception {
        unslowed = probe(List.of());
    }

    @Test
    void aTaskSlowdownBurnsCpuOnEveryLoopThreadAndEachTaskStillRunsOnce() throws Exception {
        Map<String, Long> slowed = probe(List.of("-D" + Slowdown.TASK_NANOS_PROPERTY + "=" + BURN_NANOS));
        assertEquals(unslowed.keySet(), slowed.keySet(), "every loop ran under the slowdown");
        slowed.forEach((impl, cpu) -> assertTrue(cpu - unslowed.get(impl) > MIN_EXTRA_CPU_NANOS, impl + "'s loop thread"
                + " spent " + cpu + " ns of CPU slowed by " + BURN_NANOS + " ns per task, " + unslowed.get(impl) + " ns unslowed"));
    }

    @Test
    void aWakeupSlowdownBurnsCpuOnEveryLoopThreadThatProducersWake() throws Exception {
        Map<String, Long> slowed = probe(List.of("-D" + Slowdown.WAKEUP_NANOS_PROPERTY + "=" + BURN_NANOS));
        assertEquals(unslowed.keySet(), slowed.keySet(), "every loop ran under the slowdown");
        slowed.forEach((impl, cpu) -> {
            if (!NEVER_WOKEN.contains(impl)) {
                assertTrue(cpu - unslowed.get(impl) > MIN_EXTRA_CPU_NANOS, impl + "'s loop thread spent " + cpu
                        + " ns of CPU slowed by " + BURN_NANOS + " ns per wakeup, " + unslowed.get(impl) + " ns unslowed");
            }
        });
    }

    /** Runs the probe in a JVM with {@code properties}; fails on a task that did not run exactly once. */
    private static Map<String, Long> probe(List<String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                AgronaEventLoopProvider.JVM_FLAG, "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.addAll(List.of(SlowdownProbe.class.getName(), Integer.toString(TASKS)));
        Path log = Files.createTempFile("slowdown-probe", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertTrue(ended, () -> "the probe " + properties + " did not end within " + PROBE_TIMEOUT_SECONDS + " s:\n" + output);
            return results(properties, process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
    }

    private static Map<String, Long> results(List<String> properties, int exitValue, String output) {
        assertEquals(0, exitValue, () -> "the probe " + properties + " failed:\n" + output);
        Map<String, Long> cpuByLoop = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 4 && fields[0].equals(SlowdownProbe.RESULT)) {
                assertEquals("0", fields[3], () -> fields[1] + " ran some task other than once " + properties + ":\n" + output);
                cpuByLoop.put(fields[1], Long.parseLong(fields[2]));
            }
        }
        assertFalse(cpuByLoop.isEmpty(), () -> "the probe " + properties + " reported no loop:\n" + output);
        return cpuByLoop;
    }
}
