package dev.loopbench.loop.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Burns CPU on the calling thread, in steps of a dependent 64-bit multiply-add (an LCG): each step needs the last
 * one's result, so no core can overlap them, and the JIT cannot fold the chain away because its end is stored. It
 * allocates nothing and reads no clock, so a burn of tens of nanoseconds is as exact as one of milliseconds (a
 * {@code nanoTime()} poll alone costs about 25 ns on the project's VM).
 *
 * <p>{@link #calibrate()} times the chain once on this machine, so that {@link #stepsFor} turns nanoseconds into
 * steps.
 *
 * <h2>Thread contract</h2>
 * Any thread. Burns from several threads race on the stored end of the chain; that race is benign (the value is
 * never read for anything but the next chain's seed).
 */
final class CpuBurn {

    /** Knuth's MMIX constants: a full-period LCG, so the chain never settles into a constant the JIT could see. */
    private static final long MULTIPLIER = 6364136223846793005L;
    private static final long INCREMENT = 1442695040888963407L;

    /** A timed round shorter than this doubles its steps: clock reads must be a small part of it. */
    private static final long MIN_ROUND_NANOS = 1_000_000;
    /** Rounds in a row without a faster one before calibration ends: the JIT has compiled the chain by then. */
    private static final int ROUNDS_WITHOUT_GAIN = 8;
    private static final int MAX_ROUNDS = 200;

    /** The chain's end; stored so that the JIT must compute it. */
    private static long sink;

    private final double stepsPerNano;

    private CpuBurn(double stepsPerNano) {
        this.stepsPerNano = stepsPerNano;
    }

    /**
     * Times the chain on the calling thread's CPU clock (wall time where the JVM cannot read it) over rounds of at
     * least a millisecond, until eight rounds in a row bring no faster one, and keeps the fastest: slower rounds
     * ran interpreted, or lost the CPU to another thread. Takes some tens of milliseconds.
     */
    static CpuBurn calibrate() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        double fastest = 0;
        int steps = 1_000;
        for (int round = 0, sinceGain = 0; round < MAX_ROUNDS && sinceGain < ROUNDS_WITHOUT_GAIN; round++) {
            long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            burn(steps);
            long took = (cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
            if (took < MIN_ROUND_NANOS && steps < Integer.MAX_VALUE / 2) {
                steps *= 2;
                continue;
            }
            double rate = (double) steps / Math.max(took, 1);
            if (rate > fastest * 1.01) {
                fastest = rate;
                sinceGain = 0;
            } else {
                sinceGain++;
            }
        }
        return new CpuBurn(fastest);
    }

    /** Steps of the chain per nanosecond of CPU on this machine, as calibrated. */
    double stepsPerNano() {
        return stepsPerNano;
    }

    /** The steps that take {@code nanos} of CPU here: 0 for 0, at least 1 for any positive time. */
    int stepsFor(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(nanos * stepsPerNano)));
    }

    /** Runs {@code steps} steps of the chain on the calling thread. */
    static void burn(int steps) {
        long x = sink;
        for (int i = 0; i < steps; i++) {
            x = x * MULTIPLIER + INCREMENT;
        }
        sink = x;
    }
}
