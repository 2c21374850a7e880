package dev.loopbench.bench.support;

import dev.loopbench.loop.LoopCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.concurrent.TimeUnit;

/**
 * The base of the throughput benchmarks, which measure a loop that always has work: a measurement iteration in
 * which the loop slept more than {@value #MAX_WAKEUPS_PER_TASK} times per task fails, instead of passing as a
 * number.
 *
 * <p>Why: a wakeup costs 10 to 80 µs here and a task well under one, so at 0.0075 wakeups per task half the time
 * goes to waking the loop, and every loop scores the same park/unpark. At the bound, wakeups cost at most a few
 * percent. A loop that cannot count its wakeups ({@link LoopCounters#countsWakeups()}) is not checked; its
 * {@code wakeups.per.op} says "not counted".
 *
 * <p>Iterations shorter than {@value #SHORTEST_CHECKED_ITERATION_MILLIS} ms (the smoke profile's) are not
 * checked: they prove the jar runs, and in them a scheduler hiccup or two would decide the verdict.
 */
public abstract class SaturatedLoopBenchmark extends LoopBenchmark {

    public static final double MAX_WAKEUPS_PER_TASK = 0.001;
    static final long SHORTEST_CHECKED_ITERATION_MILLIS = 500;

    private LoopCounters atIterationStart;

    @Setup(Level.Iteration)
    public final void countFromHere() {
        atIterationStart = loop.counters();
    }

    @TearDown(Level.Iteration)
    public final void failIfTheLoopSlept(IterationParams iteration) {
        LoopCounters counted = loop.counters().since(atIterationStart);
        if (iteration.getType() != IterationType.MEASUREMENT || !counted.countsWakeups() || counted.tasksRun() <= 0
                || iteration.getTime().convertTo(TimeUnit.MILLISECONDS) < SHORTEST_CHECKED_ITERATION_MILLIS) {
            return;
        }
        double perTask = (double) counted.wakeupsIssued() / counted.tasksRun();
        if (perTask > MAX_WAKEUPS_PER_TASK) {
            throw new IllegalStateException(String.format(
                    "loop '%s' was woken %d times for %d tasks (%.4f per task, bound %s): it ran dry, so this"
                            + " iteration measured wakeups, not the loop's throughput", loop.name(),
                    counted.wakeupsIssued(), counted.tasksRun(), perTask, MAX_WAKEUPS_PER_TASK));
        }
    }
}
