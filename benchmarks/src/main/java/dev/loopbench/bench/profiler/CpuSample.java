package dev.loopbench.bench.profiler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.OptionalLong;

/**
 * The CPU time, so far, of the threads a benchmark's figures depend on: the loop's thread and JMH's worker threads
 * (the producers), with the wall clock, so that two samples give CPU per operation and the loop's share of a CPU.
 *
 * <p>Why: spinning buys latency with CPU, so a latency figure without the CPU it cost tells half of a tuning
 * trade-off. {@code ThreadMXBean} reads each thread's own CPU clock, which a descheduled thread does not advance.
 *
 * @param loopNanos     the loop thread's CPU time, or {@link #NOT_MEASURED} when its thread is unknown or gone
 * @param producerNanos the summed CPU time of JMH's worker threads alive now
 * @param wallNanos     {@code System.nanoTime()} when sampled
 */
record CpuSample(long loopNanos, long producerNanos, long wallNanos) {

    static final long NOT_MEASURED = -1;
    /** Part of the name JMH gives its benchmark threads ({@code WorkerThreadFactories}). */
    static final String JMH_WORKER_MARK = "-jmh-worker-";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The CPU times now; the loop's only if {@code loopThreadId} is present and the JVM can measure threads. */
    static CpuSample take(OptionalLong loopThreadId) {
        long loop = NOT_MEASURED;
        if (loopThreadId.isPresent() && THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()) {
            loop = THREADS.getThreadCpuTime(loopThreadId.getAsLong());
        }
        return new CpuSample(loop, producerCpuNanos(), System.nanoTime());
    }

    private static long producerCpuNanos() {
        long sum = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains(JMH_WORKER_MARK)) {
                sum += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }

    /** The loop thread's CPU time since {@code earlier} per operation, in ns; NaN if it was not measured. */
    double loopNanosPerOp(CpuSample earlier, long operations) {
        return loopNanos < 0 || earlier.loopNanos < 0 || operations <= 0
                ? Double.NaN : (double) (loopNanos - earlier.loopNanos) / operations;
    }

    /** The producers' CPU time since {@code earlier} per operation, in ns. */
    double producerNanosPerOp(CpuSample earlier, long operations) {
        return operations <= 0 ? Double.NaN : (double) (producerNanos - earlier.producerNanos) / operations;
    }

    /** The share of one CPU the loop thread used since {@code earlier}; NaN if it was not measured. */
    double loopShare(CpuSample earlier) {
        long wall = wallNanos - earlier.wallNanos;
        return loopNanos < 0 || earlier.loopNanos < 0 || wall <= 0
                ? Double.NaN : (double) (loopNanos - earlier.loopNanos) / wall;
    }
}
