package dev.loopbench.bench.latency;

import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.FixedRateSchedule;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.tune.TuningResults;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-way latency under a fixed load: the time from a task's intended send slot to the moment it starts on the
 * loop thread ({@code hdr.*}), and from the producer's {@code execute(task)} call to that moment
 * ({@code hdr.fromExecute.*}), at a fixed rate of {@code sendsPerSecond}; and the sender's own lateness, its
 * {@code execute(task)} call minus the intended slot ({@code hdr.lateness.*}).
 *
 * <p>Why: this is what an event source (a timer, a socket reader, another loop) waits before the loop reacts to
 * it, and unlike a round trip it does not include waking the producer on the way back.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>Coordinated omission: the load is open-loop. Sends follow a {@link FixedRateSchedule} whose slots are
 *       never skipped, and the producer never waits for the loop (up to the in-flight bound below), so tasks that
 *       arrive while the loop stalls queue up behind the stall and each records its full wait.</li>
 *   <li>Coordinated omission in the stamp: a stamp taken at {@code execute()} forgets the time a stalled loop
 *       made the sender wait for its in-flight bound, so the headline {@code hdr.*} counts from the intended
 *       slot, as wrk2 does. That figure also includes the sender's own lateness (its timer oversleeps by tens of
 *       microseconds on this VM, and a loop that fills the in-flight bound holds it up), so
 *       {@code hdr.fromExecute.*} records from the {@code execute()} call too, and {@code hdr.lateness.*} the
 *       lateness itself: what the sender, not the loop, added.</li>
 *   <li>Omission at the iteration's end: a sender behind its schedule when an iteration ends sends the slots it
 *       owes, each with its intended time, and the loop starts them before the iteration's figures are read;
 *       only then does the next iteration's schedule start afresh (JMH's pause between iterations is no one's
 *       latency).</li>
 *   <li>A sender that takes a vCPU: it parks until a park's slack before the slot, yields, and spins at most a
 *       quarter of the interval ({@link FixedRateSchedule}), so at 50,000 sends/s it does not spin constantly.</li>
 *   <li>Means hide stalls: the loop thread records every sample into HdrHistogram recorders, and the
 *       {@code HdrHistogramProfiler} reports {@code hdr.p50} to {@code hdr.max}, each from the fork's pooled
 *       samples; the percentiles of all forks pooled are in the {@code .hgrm} file.</li>
 *   <li>An unbounded producer: at most {@value #MAX_IN_FLIGHT} tasks are in flight. A loop slower than the rate
 *       hits that bound, the producer falls behind its schedule, and the latencies show it.</li>
 * </ul>
 * The primary score is the achieved send rate: it should equal {@code sendsPerSecond}; a lower one means the loop
 * could not keep up. The latency figures are the {@code hdr.*} metrics, so run with the profiler. The limit to read
 * them against, median against median: {@code SpinOneWayLimit} for a loop that never sleeps
 * ({@code -p loopOptions=idle=spin}); none for a loop that sleeps between sends, whose gap (1/rate) no limit row matches
 * parameter for parameter ({@code UnparkAfterGapLimit} at the nearest gap is the yardstick by eye).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OneWayLatency -p impl=mpsc,netty
 * -p sendsPerSecond=5000,50000 -prof dev.loopbench.bench.profiler.HdrHistogramProfiler}; at 5000/s every task
 * finds a parked loop (the gap is longer than any spin phase), so expect p50 near one unpark, tens of
 * microseconds here, and a p99.9 in milliseconds where a vCPU was descheduled.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OneWayLatency extends LoopBenchmark {

    /** The offered rate's parameter, which a tuning run ({@code --tune}) sweeps. */
    public static final String RATE_PARAM = TuningResults.RATE_PARAM;

    /** Far above what a loop that keeps up has in flight, far below what strains the heap. */
    static final int MAX_IN_FLIGHT = 4096;

    @Param("5000")
    public int sendsPerSecond;

    private SingleWriterRecorder latencies;
    private SingleWriterRecorder fromExecute;
    /** Written by the sender only. */
    private SingleWriterRecorder lateness;
    private FixedRateSchedule schedule;
    /** Producer only. */
    private long sent;
    /** Written by the loop thread only. */
    private final AtomicLong started = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        latencies = new SingleWriterRecorder(3);
        fromExecute = new SingleWriterRecorder(3);
        lateness = new SingleWriterRecorder(3);
        schedule = new FixedRateSchedule(sendsPerSecond);
        IterationProbe.watch(latencies, Map.of("fromExecute", fromExecute, MetricNames.LATENESS, lateness), loop);
    }

    @Setup(Level.Iteration)
    public void restartSchedule() {
        schedule.restart();
    }

    /**
     * Sends the slots that came due before the iteration ended, and waits until the loop has started every task, so
     * that this iteration's figures hold every send it owed.
     */
    @TearDown(Level.Iteration)
    public void sendOwedSlots() {
        for (long owed = schedule.slotsOwed(); owed > 0; owed--) {
            send(schedule.awaitNextSlot());
        }
        BoundedWaits.until(() -> started.get() == sent, "the loop starts every task sent");
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
        if (started.get() != sent) {
            throw new IllegalStateException("sent " + sent + " tasks but the loop started " + started.get());
        }
    }

    @Benchmark
    public long fixedRate() {
        long slot = schedule.awaitNextSlot();
        send(slot);
        return slot;
    }

    /** Sends the task of {@code slot}, once fewer than the bound are in flight, and records how late it went. */
    private void send(long slot) {
        if (sent - started.get() >= MAX_IN_FLIGHT) {
            BoundedWaits.until(() -> sent - started.get() < MAX_IN_FLIGHT, "the loop catches up with the rate");
        }
        long now = System.nanoTime();
        lateness.recordValue(Math.max(0, now - slot));
        loop.execute(new StampedTask(slot, now));
        sent++;
    }

    /**
     * Records its own one-way latency when the loop thread starts it, two ways: from its intended send slot (the
     * headline, corrected for coordinated omission as wrk2 does: a sender held up by a stalled loop still charges
     * the stall to every send it delayed) and from the {@code execute()} call (what the loop alone added).
     */
    private final class StampedTask implements Runnable {

        private final long intendedSlot;
        private final long executeCalled;

        StampedTask(long intendedSlot, long executeCalled) {
            this.intendedSlot = intendedSlot;
            this.executeCalled = executeCalled;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            latencies.recordValue(now - intendedSlot);
            fromExecute.recordValue(now - executeCalled);
            started.lazySet(started.get() + 1); // single writer: the loop thread
        }
    }
}
