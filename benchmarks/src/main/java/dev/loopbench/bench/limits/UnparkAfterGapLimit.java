package dev.loopbench.bench.limits;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.HelperThreads;
import dev.loopbench.bench.support.IdleGap;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.ResultWait;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The wakeup limit: {@code WakeupLatency} with the loop replaced by the least a loop can be, a thread that parks
 * whenever it has nothing to do and is unparked directly. After the same idle gap ({@code idleGapMicros}), the
 * measured thread stamps the clock, hands the stamp over and unparks the sleeper, which records the one-way
 * latency ({@code hdr.p50} to {@code hdr.max}) and completes a future that the measured thread waits for exactly
 * as {@code WakeupLatency}'s producer does ({@link ResultWait#SPIN}). The primary score is that round trip's mean.
 *
 * <p>Why: {@code WakeupLatency} after a gap is one wakeup out and a spin back, by a mean, and its one-way median
 * is one wakeup. {@code ParkUnparkPingPongLimit} is two wakeups by a mean, no floor for either; this is, figure
 * for figure: the primary against the primary, {@code hdr.p50} against {@code hdr.p50}.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A sleeper that is not asleep: it never spins, so after any gap it really is parked; the gap is a
 *       {@code parkNanos} of the measured thread in a {@code Level.Invocation} fixture, outside the score.</li>
 *   <li>Cold code: the trial set-up runs {@value IdleGap#PRE_WARM_ROUND_TRIPS} round trips back to back, unrecorded, as
 *       {@code WakeupLatency} does.</li>
 *   <li>A hang: the measured thread's wait has a deadline; the sleeper parks, so it may live for the whole trial,
 *       and the tear-down fails if it does not stop.</li>
 *   <li>Dead code: the sleeper's clock reading returns to JMH, and every one-way sample is recorded.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar UnparkAfterGapLimit -p idleGapMicros=1000}; expect tens
 * of microseconds on this virtual machine, where the wakeup may also wake a halted vCPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnparkAfterGapLimit extends BenchmarkDefaults {

    /**
     * The same gaps as {@code WakeupLatency}'s, so that the two pair parameter for parameter. At 0 the sleeper may
     * not have parked yet, which is why no figure is read against that row.
     */
    @Param({"0", "200", "1000"})
    public long idleGapMicros;

    /** A stamp handed to the sleeper, and the future it completes with its own clock reading. */
    private record Handoff(long sentAt, CompletableFuture<Long> received) {
    }

    private volatile Handoff pending;
    private volatile boolean sleeperRunning;
    private Thread sleeper;
    private IdleGap gap;
    private SingleWriterRecorder oneWayLatencies;

    @Setup(Level.Trial)
    public void start() {
        gap = IdleGap.ofMicros(idleGapMicros);
        oneWayLatencies = new SingleWriterRecorder(3);
        sleeperRunning = true;
        sleeper = HelperThreads.start("unpark-after-gap", this::sleep);
        IdleGap.preWarm(this::roundTripAfterGap, oneWayLatencies);
        IterationProbe.watch(oneWayLatencies, null);
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        sleeperRunning = false;
        LockSupport.unpark(sleeper);
        BoundedWaits.join(sleeper);
    }

    @Setup(Level.Invocation)
    public void idleGap() {
        gap.park();
    }

    @Benchmark
    public long roundTripAfterGap() {
        Handoff handoff = new Handoff(System.nanoTime(), new CompletableFuture<>());
        pending = handoff;
        LockSupport.unpark(sleeper);
        return ResultWait.SPIN.await(handoff.received());
    }

    /** The sleeper: parks until a stamp arrives, records its one-way latency and answers, until told to stop. */
    private void sleep() {
        while (sleeperRunning) {
            Handoff handoff = pending;
            if (handoff == null) {
                LockSupport.park(this);
                continue;
            }
            long receivedAt = System.nanoTime();
            pending = null;
            oneWayLatencies.recordValue(receivedAt - handoff.sentAt());
            handoff.received().complete(receivedAt);
        }
    }
}
