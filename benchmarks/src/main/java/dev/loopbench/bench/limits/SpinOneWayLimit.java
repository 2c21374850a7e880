package dev.loopbench.bench.limits;

import dev.loopbench.bench.profiler.IterationProbe;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The awake one-way limit: a {@code System.nanoTime()} stamp handed to a thread that spins on a volatile field,
 * which reads the clock again when it sees the stamp and records the difference, reported as {@code hdr.p50} to
 * {@code hdr.max}. The primary score is the mean round trip (the partner answers, the measured thread spins).
 *
 * <p>Why: a one-way latency figure of an awake loop ({@code OneWayLatency} with {@code -p loopOptions=idle=spin}) is a
 * cache-line transfer plus two clock reads. {@code SpinPingPongLimit} is a round trip without the clock, so it is
 * no floor for a one-way figure; this is, statistic for statistic (median against median).
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A floor without the timer: the loop benchmarks read {@code nanoTime} on both sides, and so does this.</li>
 *   <li>A helper spinning outside its benchmark: the partner busy-spins only during an iteration (started and
 *       stopped in {@code Level.Iteration} fixtures), and the tear-down fails if it does not stop.</li>
 *   <li>A hang: the measured thread checks a deadline now and then while it waits for the answer.</li>
 *   <li>Dead code: the round trip's value returns to JMH, and every one-way sample is recorded.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SpinOneWayLimit}; expect a one-way median of a
 * fraction of a microsecond: one cache-line transfer between the two vCPUs and the clock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpinOneWayLimit extends SpinPartnerLimit {

    /** The measured thread's clock when it handed over the current odd turn. */
    private volatile long sentAt;
    private SingleWriterRecorder oneWayLatencies;

    public SpinOneWayLimit() {
        super("spin-one-way", "the partner receives a stamp");
    }

    @Setup(Level.Trial)
    public void watch() {
        oneWayLatencies = new SingleWriterRecorder(3);
        IterationProbe.watch(oneWayLatencies, null);
    }

    @TearDown(Level.Trial)
    public void unwatch() {
        IterationProbe.trialEnded();
    }

    @Benchmark
    public long roundTrip() {
        sentAt = System.nanoTime();
        return pingPong(); // the odd turn publishes sentAt
    }

    /** The partner's turn: records the stamp's one-way latency, before it answers. */
    @Override
    protected void onTurn() {
        long receivedAt = System.nanoTime();
        oneWayLatencies.recordValue(receivedAt - sentAt);
    }
}
