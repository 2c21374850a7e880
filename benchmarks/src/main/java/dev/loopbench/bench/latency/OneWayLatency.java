package dev.loopbench.bench.latency;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.FixedRateSchedule;
import dev.loopbench.bench.support.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import org.HdrHistogram.SingleWriterRecorder;
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
 * One-way latency under a fixed load: the time from a producer's call to {@code execute(task)} to the moment the
 * task starts on the loop thread, at a fixed rate of {@code sendsPerSecond}.
 *
 * <p>Why: this is what an event source (a timer, a socket reader, another loop) waits before the loop reacts to
 * it, and unlike a round trip it does not include waking the producer on the way back.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>Coordinated omission: the load is open-loop. Sends follow a {@link FixedRateSchedule} whose slots are
 *       never skipped, and the producer never waits for the loop (up to the in-flight bound below), so tasks that
 *       arrive while the loop stalls queue up behind the stall and each records its full wait.</li>
 *   <li>Charging the sender's lateness to the loop: each task is stamped just before its {@code execute()} call,
 *       not with its slot's intended time. The sender's timer oversleeps by tens of microseconds on this VM,
 *       which is not the loop's doing.</li>
 *   <li>Means hide stalls: the loop thread records every sample into an HdrHistogram recorder, and the
 *       {@code HdrHistogramProfiler} reports {@code hdr.p50} to {@code hdr.max}. Each is the percentile of one
 *       iteration, averaged by JMH; the pooled percentiles of all samples are in the {@code .hgrm} file.</li>
 *   <li>An unbounded producer: at most {@value #MAX_IN_FLIGHT} tasks are in flight. A loop slower than the rate
 *       hits that bound, the producer falls behind its schedule, and the latencies show it.</li>
 * </ul>
 * The primary score is the achieved send rate: it should equal {@code sendsPerSecond}; a lower one means the loop
 * could not keep up. The latency figures are the {@code hdr.*} metrics, so run with the profiler.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OneWayLatency -p impl=mpsc,netty
 * -p sendsPerSecond=5000,50000 -prof dev.loopbench.bench.support.HdrHistogramProfiler}; at 5000/s every task
 * finds a parked loop (the gap is longer than any spin phase), so expect p50 near one unpark, tens of
 * microseconds here, and a p99.9 in milliseconds where a vCPU was descheduled.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OneWayLatency extends LoopBenchmark {

    /** Far above what a loop that keeps up has in flight, far below what strains the heap. */
    static final int MAX_IN_FLIGHT = 4096;

    @Param("5000")
    public int sendsPerSecond;

    private SingleWriterRecorder latencies;
    private FixedRateSchedule schedule;
    /** Producer only. */
    private long sent;
    /** Written by the loop thread only. */
    private final AtomicLong started = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        latencies = new SingleWriterRecorder(3);
        schedule = new FixedRateSchedule(sendsPerSecond);
        IterationProbe.watch(latencies, loop);
    }

    @Setup(Level.Iteration)
    public void restartSchedule() {
        schedule.restart();
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
        if (sent - started.get() >= MAX_IN_FLIGHT) {
            BoundedWaits.until(() -> sent - started.get() < MAX_IN_FLIGHT, "the loop catches up with the rate");
        }
        loop.execute(new StampedTask(System.nanoTime()));
        sent++;
        return slot;
    }

    /** Records its own one-way latency when the loop thread starts it. */
    private final class StampedTask implements Runnable {

        private final long executeCalled;

        StampedTask(long executeCalled) {
            this.executeCalled = executeCalled;
        }

        @Override
        public void run() {
            latencies.recordValue(System.nanoTime() - executeCalled);
            started.lazySet(started.get() + 1); // single writer: the loop thread
        }
    }
}
