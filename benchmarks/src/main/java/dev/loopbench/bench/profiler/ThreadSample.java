package dev.loopbench.bench.profiler;

import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.ProcThreadStatus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * What the threads a benchmark's figures depend on have used so far: the loop's thread (CPU time, bytes allocated,
 * voluntary context switches) and JMH's worker threads, the producers (CPU time, bytes allocated), with the wall
 * clock, so that two samples give each per operation and the loop's share of a CPU.
 *
 * <p>Why: spinning buys latency with CPU, so a latency figure without the CPU it cost tells half of a tuning
 * trade-off; and on a shared 2-vCPU VM a thread's own CPU clock, which a descheduled thread does not advance, and
 * its allocation counter are far steadier than ops/s. {@code ThreadMXBean} reads both per thread; {@code /proc}
 * reads the context switches ({@link ProcThreadStatus}).
 *
 * @param loopCpuNanos            the loop thread's CPU time, or {@link #NOT_MEASURED} when its thread is unknown or
 *                                gone
 * @param loopIdleCpuNanos        the part of it the thread itself timed as spent waiting for work: 0 for a loop,
 *                                whose idle cost is its own; a bare consumer's empty polls, which a floor has not
 * @param loopAllocatedBytes      the bytes the loop thread has allocated, or {@link #NOT_MEASURED}
 * @param loopVoluntarySwitches   the loop thread's voluntary context switches, or {@link #NOT_MEASURED} (not Linux)
 * @param producerCpuNanos        the summed CPU time of JMH's worker threads alive now
 * @param producerAllocatedBytes  the summed bytes they allocated, or {@link #NOT_MEASURED}
 * @param wallNanos               {@code System.nanoTime()} when sampled
 */
record ThreadSample(long loopCpuNanos, long loopIdleCpuNanos, long loopAllocatedBytes, long loopVoluntarySwitches,
                    long producerCpuNanos, long producerAllocatedBytes, long wallNanos) {

    static final long NOT_MEASURED = ProcThreadStatus.NOT_MEASURED;
    /** Part of the name JMH gives its benchmark threads ({@code WorkerThreadFactories}). */
    static final String JMH_WORKER_MARK = "-jmh-worker-";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** HotSpot's extension, which counts the bytes each thread allocated; null on a JVM without it. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            THREADS instanceof com.sun.management.ThreadMXBean hotSpot && hotSpot.isThreadAllocatedMemorySupported()
                    && hotSpot.isThreadAllocatedMemoryEnabled() ? hotSpot : null;

    /**
     * The counters now; the loop's only if {@code loop} is known and the JVM (or OS) can measure them.
     *
     * @param loopIdleCpu the loop thread's idle CPU so far, as it timed it itself ({@link #loopIdleCpuNanos})
     */
    static ThreadSample take(LoopThread loop, LongSupplier loopIdleCpu) {
        long[] workers = workerThreadIds();
        return new ThreadSample(
                loop == null || !cpuMeasured() ? NOT_MEASURED : THREADS.getThreadCpuTime(loop.javaId()),
                loopIdleCpu.getAsLong(),
                loop == null || ALLOCATIONS == null ? NOT_MEASURED : ALLOCATIONS.getThreadAllocatedBytes(loop.javaId()),
                loop == null ? NOT_MEASURED : loop.voluntaryContextSwitches(),
                Arrays.stream(workers).map(id -> Math.max(0, THREADS.getThreadCpuTime(id))).sum(),
                ALLOCATIONS == null ? NOT_MEASURED
                        : Arrays.stream(ALLOCATIONS.getThreadAllocatedBytes(workers)).map(bytes -> Math.max(0, bytes)).sum(),
                System.nanoTime());
    }

    /** Whether the JVM reads threads' CPU clocks at all. */
    static boolean cpuMeasured() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    private static long[] workerThreadIds() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(thread -> thread != null && thread.getThreadName().contains(JMH_WORKER_MARK))
                .mapToLong(ThreadInfo::getThreadId)
                .toArray();
    }

    /** The loop thread's CPU time since {@code earlier} per operation, in ns; NaN if it was not measured. */
    double loopCpuNanosPerOp(ThreadSample earlier, long operations) {
        return perOp(loopCpuNanos, earlier.loopCpuNanos, operations);
    }

    /**
     * The loop thread's CPU time since {@code earlier} per operation, less what it timed as idle: the CPU the
     * operations themselves took, in ns; NaN if not measured.
     */
    double loopBusyCpuNanosPerOp(ThreadSample earlier, long operations) {
        return loopCpuNanos < 0 || earlier.loopCpuNanos < 0 ? Double.NaN
                : perOp(loopCpuNanos - loopIdleCpuNanos, earlier.loopCpuNanos - earlier.loopIdleCpuNanos, operations);
    }

    /** The producers' CPU time since {@code earlier} per operation, in ns. */
    double producerCpuNanosPerOp(ThreadSample earlier, long operations) {
        return perOp(producerCpuNanos, earlier.producerCpuNanos, operations);
    }

    /** The bytes the loop thread allocated since {@code earlier} per operation; NaN if not measured. */
    double loopBytesPerOp(ThreadSample earlier, long operations) {
        return perOp(loopAllocatedBytes, earlier.loopAllocatedBytes, operations);
    }

    /** The bytes the producers allocated since {@code earlier} per operation; NaN if not measured. */
    double producerBytesPerOp(ThreadSample earlier, long operations) {
        return perOp(producerAllocatedBytes, earlier.producerAllocatedBytes, operations);
    }

    /** The loop thread's voluntary context switches since {@code earlier} per operation; NaN if not measured. */
    double loopSwitchesPerOp(ThreadSample earlier, long operations) {
        return perOp(loopVoluntarySwitches, earlier.loopVoluntarySwitches, operations);
    }

    /** The share of one CPU the loop thread used since {@code earlier}; NaN if it was not measured. */
    double loopShare(ThreadSample earlier) {
        return perOp(loopCpuNanos, earlier.loopCpuNanos, wallNanos - earlier.wallNanos);
    }

    private static double perOp(long now, long then, long operations) {
        return now < 0 || then < 0 || operations <= 0 ? Double.NaN : (double) (now - then) / operations;
    }
}
