package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaturatedLoopBenchmarkTest {

    private static final IterationParams MEASUREMENT =
            new IterationParams(IterationType.MEASUREMENT, 3, TimeValue.seconds(1), 1);

    /** A benchmark whose loop reports whatever counters the test sets. */
    private static final class Checked extends SaturatedLoopBenchmark {
        final AtomicReference<LoopCounters> counters = new AtomicReference<>(new LoopCounters(0, 0));

        Checked() {
            loop = (EventLoop) Proxy.newProxyInstance(EventLoop.class.getClassLoader(), new Class<?>[] {EventLoop.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "counters" -> counters.get();
                        case "name" -> "fake";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void iteration(long tasks, long wakeups, IterationParams params) {
            countFromHere();
            LoopCounters start = counters.get();
            counters.set(new LoopCounters(start.tasksRun() + tasks,
                    start.countsWakeups() ? start.wakeupsIssued() + wakeups : LoopCounters.NOT_COUNTED));
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
    void warmupAndSmokeIterationsAndLoopsThatCannotCountAreNotChecked() {
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 2, TimeValue.seconds(1), 1);
        IterationParams smoke = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.milliseconds(200), 1);
        assertDoesNotThrow(() -> new Checked().iteration(1_000, 1_000, warmup));
        assertDoesNotThrow(() -> new Checked().iteration(1_000, 1_000, smoke));

        Checked uncounted = new Checked();
        uncounted.counters.set(new LoopCounters(0, LoopCounters.NOT_COUNTED));
        assertDoesNotThrow(() -> uncounted.iteration(1_000, 1_000, MEASUREMENT));
    }
}
