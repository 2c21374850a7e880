package dev.loopbench.bench.support;

import dev.loopbench.loop.LoopCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The base of the throughput benchmarks, which measure a loop that always has work: a measurement iteration in
 * which the loop slept more than {@value #MAX_WAKEUPS_PER_TASK} times per task it ran fails, instead of passing as
 * a number.
 *
 * <p>Why: a wakeup costs 10 to 80 µs here and a task well under one, so at 0.0075 wakeups per task half the time
 * goes to waking the loop, and every loop scores the same park/unpark. At the bound, wakeups cost at most a few
 * percent. The sleeps are the loop thread's voluntary context switches, read from Linux's {@code /proc}
 * ({@link ProcThreadStatus}): every park, futex wait on a contended lock and {@code epoll_wait} that blocked, so
 * every loop is checked, whatever its library lets the adapter count. Where {@code /proc} cannot tell (another
 * OS), the iteration is not checked.
 *
 * <p>Iterations shorter than {@value #SHORTEST_CHECKED_ITERATION_MILLIS} ms (the smoke profile's) are not
 * checked: they prove the jar runs, and in them a scheduler hiccup or two would decide the verdict.
 */
public abstract class SaturatedLoopBenchmark extends LoopBenchmark {

    public static final double MAX_WAKEUPS_PER_TASK = 0.001;
    static final long SHORTEST_CHECKED_ITERATION_MILLIS = 500;

    /** The loop thread's voluntary context switches so far, or {@link ProcThreadStatus#NOT_MEASURED}. */
    LongSupplier loopSleeps = () -> ProcThreadStatus.NOT_MEASURED;
    private LoopCounters atIterationStart;
    private long sleepsAtIterationStart;

    /**
     * Opens the loop ({@link #openLoop()}) and finds its thread, whose sleeps the check counts; call it first in the
     * trial {@code @Setup}.
     *
     * @return the loop's thread, for the profiler ({@code IterationProbe.watch(loop, thread, work)})
     */
    protected final LoopThread openSaturatedLoop() {
        openLoop();
        LoopThread thread = LoopThread.of(loop);
        loopSleeps = thread::voluntaryContextSwitches;
        return thread;
    }

    @Setup(Level.Iteration)
    public final void countFromHere() {
        atIterationStart = loop.counters();
        sleepsAtIterationStart = loopSleeps.getAsLong();
    }

    @TearDown(Level.Iteration)
    public final void failIfTheLoopSlept(IterationParams iteration) {
        long sleepsNow = loopSleeps.getAsLong();
        long tasks = loop.counters().since(atIterationStart).tasksRun();
        if (iteration.getType() != IterationType.MEASUREMENT || sleepsNow < 0 || sleepsAtIterationStart < 0
                || tasks <= 0 || iteration.getTime().convertTo(TimeUnit.MILLISECONDS) < SHORTEST_CHECKED_ITERATION_MILLIS) {
            return;
        }
        long sleeps = sleepsNow - sleepsAtIterationStart;
        double perTask = (double) sleeps / tasks;
        if (perTask > MAX_WAKEUPS_PER_TASK) {
            throw new IllegalStateException(String.format(
                    "loop '%s' slept %d times for %d tasks (%.4f per task, bound %s; its thread's voluntary context"
                            + " switches): it ran dry or waited on a lock, so this iteration measured wakeups, not the"
                            + " loop's throughput", loop.name(), sleeps, tasks, perTask, MAX_WAKEUPS_PER_TASK));
        }
    }
}
