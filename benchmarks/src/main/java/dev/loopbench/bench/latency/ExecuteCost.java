package dev.loopbench.bench.latency;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IdleGap;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Producer-side cost: how long the {@code execute(task)} call itself keeps the producer busy, on a loop that is
 * awake (running another task, {@code onAwakeLoop}) and on one that is parked ({@code onParkedLoop}).
 *
 * <p>Why: a producer that is itself an event loop or a latency-critical thread pays this on every hand-off. For a
 * parked loop it includes the wakeup (an unpark, a signal or a selector wakeup), which is paid by the producer,
 * not the loop.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A timer as costly as the call: on an awake loop a call takes tens of nanoseconds, about what JMH's
 *       per-invocation timestamps add, so {@code onAwakeLoop} times batches of {@value #BATCH} calls and reports
 *       the cost per call. A parked loop's call takes microseconds and must find the loop asleep each time, so
 *       {@code onParkedLoop} times each call on its own; the timer adds under a percent there.</li>
 *   <li>A loop that never sleeps measures no wakeup: every parked call follows an idle gap of
 *       {@value #IDLE_GAP_MICROS} us, longer than any spin phase, so the loop is asleep when it comes.</li>
 *   <li>An awake loop has to be made so: for a batch the loop is running a holding task (a bounded spin of at
 *       most {@value #HOLD_LIMIT_MICROS} us) that is released only after the batch.</li>
 *   <li>The gap and the holding task are set up in {@code Level.Invocation} fixtures, outside the timed calls.</li>
 *   <li>Each batch or call waits until the previous tasks have run, so that no queue builds up beyond a batch;
 *       the tear-down checks that every task ran.</li>
 * </ul>
 * No physical limit bounds it: a call's cost on the producer has no bare-metal counterpart measured here, so
 * loops are compared with each other, and each loop awake against itself parked.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExecuteCost -p impl=mpsc,locked-deque}; expect tens of
 * nanoseconds awake and microseconds parked, except for a loop that does not wake its thread from the producer
 * ({@code -p loopOptions=idle=spin}), whose two figures are about the same.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecuteCost extends LoopBenchmark {

    static final int BATCH = 64;
    static final long IDLE_GAP_MICROS = 1000;
    static final long HOLD_LIMIT_MICROS = 1000;

    private Runnable measuredTask;
    private Runnable holdingTask;
    /** Producer only. */
    private long executed;
    /** Written by the loop thread only. */
    private final AtomicLong measuredTasksRun = new AtomicLong();
    private final AtomicLong holdsStarted = new AtomicLong();
    private volatile boolean holdReleased;

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        IterationProbe.watch(null, loop);
        measuredTask = () -> measuredTasksRun.lazySet(measuredTasksRun.get() + 1);
        holdingTask = this::holdLoop;
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
        if (measuredTasksRun.get() != executed) {
            throw new IllegalStateException("executed " + executed + " tasks but the loop ran "
                    + measuredTasksRun.get());
        }
    }

    /** Holds the loop in a task for the length of each batch. */
    @State(Scope.Thread)
    public static class AwakeLoop {
        @Setup(Level.Invocation)
        public void holdLoop(ExecuteCost benchmark) {
            benchmark.awaitPreviousTasks();
            long holds = benchmark.holdsStarted.get();
            benchmark.holdReleased = false;
            benchmark.loop.execute(benchmark.holdingTask);
            BoundedWaits.until(() -> benchmark.holdsStarted.get() != holds, "the loop runs the holding task");
        }

        @TearDown(Level.Invocation)
        public void releaseLoop(ExecuteCost benchmark) {
            benchmark.holdReleased = true;
        }
    }

    /** Leaves the loop idle long enough to fall asleep before each call. */
    @State(Scope.Thread)
    public static class ParkedLoop {
        @Setup(Level.Invocation)
        public void letLoopSleep(ExecuteCost benchmark) {
            benchmark.awaitPreviousTasks();
            IdleGap.park(TimeUnit.MICROSECONDS.toNanos(IDLE_GAP_MICROS));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void onAwakeLoop(AwakeLoop awake) {
        for (int i = 0; i < BATCH; i++) {
            loop.execute(measuredTask);
        }
        executed += BATCH;
    }

    @Benchmark
    public void onParkedLoop(ParkedLoop parked) {
        loop.execute(measuredTask);
        executed++;
    }

    private void awaitPreviousTasks() {
        BoundedWaits.until(() -> measuredTasksRun.get() == executed, "the previous tasks have run");
    }

    /** Loop thread: keeps the loop busy until the batch has been handed over, or for a bounded time at most. */
    private void holdLoop() {
        holdsStarted.lazySet(holdsStarted.get() + 1);
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(HOLD_LIMIT_MICROS);
        while (!holdReleased && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }
}
