package dev.loopbench.bench.support;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The fixed work a throughput benchmark's operation does on the loop, in tokens of JMH's
 * {@link Blackhole#consumeCPU}: the {@code taskWork} parameter of {@code BurstThroughput}, {@code OffloadThroughput}
 * and {@code MpscQueueLimit}, whose tasks call {@link #burn()} once per operation; and the calibration that says
 * what that work costs, so that the profiler can subtract it from the loop's CPU and report the loop's own cost.
 *
 * <p>Why tasks do work at all: an {@code execute} costs its producer about what an empty task costs the loop, so
 * with empty tasks a loop that sleeps catches up, sleeps and is woken thousands of times a second, and the
 * benchmark measures park/unpark. With {@value #DEFAULT_TOKENS} tokens (about 0.45 µs on the 2-vCPU reference
 * machine: 1.6 million tasks per second through the bare queue) one producer outpaces every loop, so the loop
 * always has work. A loop that never sleeps (e.g. {@code -p loopOptions=idle=spin}) can run {@code -p taskWork=0},
 * where its own cost is not diluted by the work.
 *
 * <p>Why a calibration: with about 450 ns of work in a 550 ns task, the loop's own cost is a fifth of its CPU per
 * task, and a constant for the work's cost (measured on another day, JIT or CPU) would err by more than that fifth
 * moves. So {@link #cpuNanosPerOperation()} measures the work where and when the figure is measured: on the loop's
 * thread, in the same fork, after each iteration (see {@code IterationProbe}).
 *
 * <h2>Thread contract</h2>
 * Immutable; {@link #burn()} and {@link #cpuNanosPerOperation()} on any thread.
 */
public final class TaskWork {

    /** The default, as a {@code @Param} value. */
    public static final String DEFAULT_TOKENS = "256";
    /** Operations that do no fixed work ({@code ChainThroughput}'s): the loop's CPU is all its own. */
    public static final TaskWork NONE = new TaskWork(0, false);

    /**
     * Tokens burnt per calibration, about 16 ms: a clock read's error (under a microsecond) is nothing beside it, and
     * it spans enough of the machine's millisecond-scale swings (2 ms calibrations of the same work on the same thread
     * differed by up to 10% here under load) to be compared with an iteration's average; it lengthens the pause
     * between iterations, not the iteration.
     */
    static final long CALIBRATION_TOKENS = 1L << 23;
    static final int MIN_CALIBRATION_REPETITIONS = 256;
    /** For {@code taskWork=0}: a million calls of an empty {@code consumeCPU} would take milliseconds for nothing. */
    static final int MAX_CALIBRATION_REPETITIONS = 1 << 16;
    /**
     * An eighth of the repetitions first, untimed: the loop thread was idle until the calibration woke it, and the
     * first repetitions after a wakeup ran up to 10% slower here (cold caches, the core's clock), which the
     * iteration's tasks, run back to back, do not see.
     */
    static final int UNTIMED_SHARE = 8;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long tokens;
    private final boolean runsWork;

    private TaskWork(long tokens, boolean runsWork) {
        this.tokens = tokens;
        this.runsWork = runsWork;
    }

    /** Work of {@code tokens} per operation; fails, saying what is allowed, for a negative count. */
    public static TaskWork of(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("taskWork is a count of Blackhole.consumeCPU tokens, 0 or more (default "
                    + DEFAULT_TOKENS + "); was " + tokens);
        }
        return new TaskWork(tokens, true);
    }

    /** The work itself: what a task runs once per operation, and what the calibration times. */
    public void burn() {
        Blackhole.consumeCPU(tokens);
    }

    /**
     * The calling thread's CPU time for one operation's work: {@link #burn()} repeated enough times to be timed
     * precisely by the thread's own CPU clock, which neither steal nor descheduling advance, after a few untimed
     * ones ({@link #UNTIMED_SHARE}). 0 for {@link #NONE},
     * NaN where the JVM cannot read a thread's CPU time.
     */
    public double cpuNanosPerOperation() {
        if (!runsWork) {
            return 0;
        }
        if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            return Double.NaN;
        }
        int repetitions = calibrationRepetitions(tokens);
        for (int i = 0; i < repetitions / UNTIMED_SHARE; i++) {
            burn();
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            burn();
        }
        return (double) (THREADS.getCurrentThreadCpuTime() - start) / repetitions;
    }

    /** How often the calibration burns {@code tokens}: about {@link #CALIBRATION_TOKENS} in all, within bounds. */
    static int calibrationRepetitions(long tokens) {
        long repetitions = CALIBRATION_TOKENS / Math.max(1, tokens);
        return (int) Math.max(MIN_CALIBRATION_REPETITIONS, Math.min(MAX_CALIBRATION_REPETITIONS, repetitions));
    }

    @Override
    public String toString() {
        return runsWork ? tokens + " tokens" : "none";
    }
}
