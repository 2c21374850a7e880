package dev.loopbench.bench.wakeup;

import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IdleGap;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.bench.support.ResultWait;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Wakeup cost: the latency of a task submitted after the loop has been idle for {@code idleGapMicros}, so that a
 * loop which parks when idle really is asleep when the task comes.
 *
 * <p>Why: most loops are idle most of the time, and the first task after a pause pays for waking the loop thread
 * (an unpark, a condition signal, a selector wakeup) on top of the hand-off. The difference between a gap of 0
 * and a gap longer than the spin phase is that wakeup.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>Cold code: after a 1 ms gap an iteration makes too few calls for C2 to compile the path, so the trial
 *       set-up first runs {@value IdleGap#PRE_WARM_ROUND_TRIPS} round trips back to back, unrecorded.</li>
 *   <li>A producer that takes the loop's vCPU: waiting for its result it spins at most
 *       {@value ResultWait#SPIN_MICROS} us and yields every microsecond or so ({@link ResultWait#SPIN}).</li>
 *   <li>A burst whose loop never gets back to sleep measures no wakeup (the flaw of Netty's own
 *       {@code BurstCostExecutorsBenchmark}): here every task follows its own idle gap. The gap is a parameter:
 *       0 (back to back), and 200 and 1000 us, longer than any spin phase of the registered loops (mpsc's default
 *       100 spins last a few microseconds). A tuned loop that spins longer needs a longer gap:
 *       {@code -p idleGapMicros=5000}.</li>
 *   <li>The gap is a {@code parkNanos} of the producer in a {@code Level.Invocation} helper: it neither burns a
 *       core nor counts in the score.</li>
 *   <li>A gap of 0 that still finds the loop asleep: a producer parked in {@code get()} wakes more slowly than a
 *       loop spins, so by default the producer spins briefly for each result ({@code producerWait=spin}) and
 *       gap 0 is an awake loop; {@code wakeups.per.op} near 0 there, and near 1 after a long gap, proves it.</li>
 *   <li>Whether a wakeup really happened is counted, not assumed: with the {@code HdrHistogramProfiler},
 *       {@code wakeups.per.op} reports the loop thread's sleeps per task (its voluntary context switches, for
 *       every loop on Linux), and {@code wakeups.issued.per.op} the wakeups producers issued, for loops that count
 *       them.</li>
 * </ul>
 * The primary score is the mean round trip after the gap; the loop thread also records the one-way latency
 * (from just before {@code submit} to the task's start) into a histogram, reported as {@code hdr.p50} to
 * {@code hdr.max}, per fork and pooled in the {@code .hgrm}. The limit to read it against: at gap 0
 * {@code SpinPingPongLimit.roundTrip} (an awake loop and a spinning producer); after a gap, median against median,
 * {@code UnparkAfterGapLimit} at the same gap (a sleeper unparked directly).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WakeupLatency -p impl=mpsc,netty-nio
 * -p idleGapMicros=0,1000 -prof dev.loopbench.bench.profiler.HdrHistogramProfiler}; expect the gap to cost about
 * one park/unpark for a parking loop, and nothing for {@code -p loopOptions=idle=spin}, whose wakeups.per.op stays 0.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WakeupLatency extends LoopBenchmark {

    @Param({"0", "200", "1000"})
    public long idleGapMicros;

    /**
     * {@code spin} by default: a producer that parked for its result would itself take longer to wake than a
     * loop's spin phase, and gap 0 would find the loop asleep too (see {@link ResultWait}).
     */
    @Param("spin")
    public String producerWait;

    private ResultWait resultWait;
    private IdleGap gap;
    private SingleWriterRecorder oneWayLatencies;

    @Setup(Level.Trial)
    public void start() {
        gap = IdleGap.ofMicros(idleGapMicros);
        resultWait = ResultWait.forAlias(producerWait);
        openLoop();
        oneWayLatencies = new SingleWriterRecorder(3);
        IdleGap.preWarm(this::roundTripAfterGap, oneWayLatencies);
        IterationProbe.watch(oneWayLatencies, loop);
    }

    @Setup(Level.Invocation)
    public void idleGap() {
        gap.park();
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
    }

    @Benchmark
    public long roundTripAfterGap() {
        long submitted = System.nanoTime();
        Callable<Long> stamped = () -> {
            long taskStart = System.nanoTime();
            oneWayLatencies.recordValue(taskStart - submitted);
            return taskStart;
        };
        return resultWait.await(loop.submit(stamped));
    }
}
