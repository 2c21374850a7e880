package dev.loopbench.bench.latency;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IdleGap;
import dev.loopbench.bench.support.LoopBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Producer-side cost: how long the {@code execute(task)} call itself keeps the producer busy, on a loop that is
 * awake (running another task) and on one that is parked.
 *
 * <p>Why: a producer that is itself an event loop or a latency-critical thread pays this on every hand-off. For a
 * parked loop it includes the wakeup (an unpark, a signal or a selector wakeup), which is paid by the producer,
 * not the loop.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A loop that never sleeps measures no wakeup: for {@code loopState=parked} every call follows an idle gap
 *       of {@value #IDLE_GAP_MICROS} us, longer than any spin phase, so the loop is asleep when it comes.</li>
 *   <li>An awake loop has to be made so: for {@code loopState=awake} the loop is running a holding task (a
 *       bounded spin of at most {@value #HOLD_LIMIT_MICROS} us) that is released only after the call.</li>
 *   <li>The gap and the holding task are set up in {@code Level.Invocation} helpers, outside the timed call; JMH
 *       times each call on its own, which adds its timer's few tens of nanoseconds to every figure.</li>
 *   <li>Each call waits until the previous task has run, so that no queue builds up; the tear-down checks that
 *       every task ran.</li>
 * </ul>
 * No physical limit bounds it: a call's cost on the producer has no bare-metal counterpart measured here, so
 * loops are compared with each other, and each loop awake against itself parked.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExecuteCost -p impl=mpsc,locked-deque
 * -p loopState=awake,parked}; expect tens of nanoseconds awake and microseconds parked, except for a loop that
 * does not wake its thread from the producer ({@code -p idle=spin}), whose two states cost the same.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecuteCost extends LoopBenchmark {

    static final long IDLE_GAP_MICROS = 1000;
    static final long HOLD_LIMIT_MICROS = 1000;

    @Param({"awake", "parked"})
    public String loopState;

    private boolean holdLoopAwake;
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
        switch (loopState) {
            case "awake":
                holdLoopAwake = true;
                break;
            case "parked":
                holdLoopAwake = false;
                break;
            default:
                throw new IllegalArgumentException("loopState must be awake or parked; was '" + loopState + "'");
        }
        openLoop();
        measuredTask = () -> measuredTasksRun.lazySet(measuredTasksRun.get() + 1);
        holdingTask = this::holdLoop;
    }

    @Setup(Level.Invocation)
    public void prepareLoop() {
        BoundedWaits.until(() -> measuredTasksRun.get() == executed, "the previous task has run");
        if (holdLoopAwake) {
            long holds = holdsStarted.get();
            holdReleased = false;
            loop.execute(holdingTask);
            BoundedWaits.until(() -> holdsStarted.get() != holds, "the loop runs the holding task");
        } else {
            IdleGap.park(TimeUnit.MICROSECONDS.toNanos(IDLE_GAP_MICROS));
        }
    }

    @Benchmark
    public void execute() {
        loop.execute(measuredTask);
        executed++;
    }

    @TearDown(Level.Invocation)
    public void releaseLoop() {
        holdReleased = true;
    }

    @TearDown(Level.Trial)
    public void stop() {
        closeLoop();
        if (measuredTasksRun.get() != executed) {
            throw new IllegalStateException("executed " + executed + " tasks but the loop ran "
                    + measuredTasksRun.get());
        }
    }

    /** Loop thread: keeps the loop busy until the measured call is made, or for a bounded time at most. */
    private void holdLoop() {
        holdsStarted.lazySet(holdsStarted.get() + 1);
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(HOLD_LIMIT_MICROS);
        while (!holdReleased && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }
}
