package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaturatedLoopBenchmarkTest {

    private static final IterationParams MEASUREMENT =
            new IterationParams(IterationType.MEASUREMENT, 3, TimeValue.seconds(1), 1);

    /** A benchmark whose loop reports whatever task count and voluntary context switches the test sets. */
    private static final class Checked extends SaturatedLoopBenchmark {
        final AtomicReference<LoopCounters> counters = new AtomicReference<>(new LoopCounters(0, 0));
        final AtomicLong switches = new AtomicLong();

        Checked() {
            loop = (EventLoop) Proxy.newProxyInstance(EventLoop.class.getClassLoader(), new Class<?>[] {EventLoop.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "counters" -> counters.get();
                        case "name" -> "fake";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            loopSleeps = switches::get;
        }

        /** The loop issues no wakeups it counts: the check reads the thread's switches, which every loop has. */
        void iteration(long tasks, long sleeps, IterationParams params) {
            countFromHere();
            LoopCounters start = counters.get();
            counters.set(new LoopCounters(start.tasksRun() + tasks, LoopCounters.NOT_COUNTED));
            if (switches.get() != ProcThreadStatus.NOT_MEASURED) {
                switches.addAndGet(sleeps);
            }
            failIfTheLoopSlept(params);
        }
    }

    @Test
    void anIterationInWhichTheLoopSleptTooOftenFailsNamingTheLoopAndTheRate() {
        Checked benchmark = new Checked();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> benchmark.iteration(1_000_000, 7_500, MEASUREMENT));
        assertTrue(failure.getMessage().contains("'fake'") && failure.getMessage().contains("0.0075 per task"),
                failure.getMessage());
    }

    @Test
    void anIterationWithinTheBoundPasses() {
        assertDoesNotThrow(() -> new Checked().iteration(1_000_000, 999, MEASUREMENT));
    }

    @Test
    void warmupAndSmokeIterationsAndThreadsWithoutAProcCountAreNotChecked() {
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 2, TimeValue.seconds(1), 1);
        IterationParams smoke = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.milliseconds(200), 1);
        assertDoesNotThrow(() -> new Checked().iteration(1_000, 1_000, warmup));
        assertDoesNotThrow(() -> new Checked().iteration(1_000, 1_000, smoke));

        Checked notLinux = new Checked();
        notLinux.switches.set(ProcThreadStatus.NOT_MEASURED);
        assertDoesNotThrow(() -> notLinux.iteration(1_000, 1_000, MEASUREMENT));
    }
}
