package dev.loopbench.bench.support;

import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Leaves a loop idle: the producer parks, so the gap costs no CPU and leaves both vCPUs to the loop and JMH. The
 * benchmarks that time a hand-off after a gap ({@code WakeupLatency} and its limit, {@code UnparkAfterGapLimit}) make
 * one from their {@code idleGapMicros} parameter, park it in a {@code Level.Invocation} fixture, outside the score,
 * and warm their measured path up with {@link #preWarm} first.
 */
public final class IdleGap {

    /**
     * Round trips a trial set-up runs back to back before measuring, well past C2's compile threshold (about ten
     * thousand calls): after a 1 ms gap a warmup iteration of 1 s makes under a thousand calls, too few for C2, so
     * the measurement would time the interpreter and C1.
     */
    public static final int PRE_WARM_ROUND_TRIPS = 20_000;

    private final long nanos;

    private IdleGap(long nanos) {
        this.nanos = nanos;
    }

    /** The gap of a benchmark's {@code idleGapMicros} parameter; fails with a message on a negative one. */
    public static IdleGap ofMicros(long idleGapMicros) {
        if (idleGapMicros < 0) {
            throw new IllegalArgumentException("idleGapMicros must be >= 0; was " + idleGapMicros);
        }
        return new IdleGap(TimeUnit.MICROSECONDS.toNanos(idleGapMicros));
    }

    /** Parks for the gap. */
    public void park() {
        park(nanos);
    }

    /** Parks for at least {@code nanos}; {@code parkNanos} may return early, so it parks again for the rest. */
    public static void park(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long remaining = nanos; remaining > 0; remaining = end - System.nanoTime()) {
            LockSupport.parkNanos(remaining);
        }
    }

    /**
     * Runs the measured path {@value #PRE_WARM_ROUND_TRIPS} times back to back, without gaps, until C2 has compiled
     * it, then forgets what it recorded: call it before the recorder is watched.
     */
    public static void preWarm(Runnable roundTrip, SingleWriterRecorder unwatched) {
        for (int i = 0; i < PRE_WARM_ROUND_TRIPS; i++) {
            roundTrip.run();
        }
        unwatched.reset();
    }
}
