package dev.loopbench.bench.support;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * The thread a loop runs its tasks on, as the JVM and as Linux know it: {@code ThreadMXBean} reads its CPU time
 * and allocation by Java id, {@code /proc} its context switches by native id. Only the thread itself can tell
 * its native id ({@link ProcThreadStatus#currentNativeThreadId()}), so it is asked once, with a task.
 *
 * @param javaId   {@link Thread#getId()}
 * @param nativeId the kernel's tid, or {@link ProcThreadStatus#NOT_MEASURED} where {@code /proc} is missing
 */
public record LoopThread(long javaId, long nativeId) {

    /** The calling thread. */
    public static LoopThread current() {
        return new LoopThread(Thread.currentThread().getId(), ProcThreadStatus.currentNativeThreadId());
    }

    /** The thread that runs what {@code loop} is given, asked with one task; waits for it. */
    public static LoopThread of(Executor loop) {
        return callOn(loop, LoopThread::current);
    }

    /** Runs {@code call} on {@code loop}'s thread and returns its value; fails if it does not complete in time. */
    public static <V> V callOn(Executor loop, Callable<V> call) {
        FutureTask<V> task = new FutureTask<>(call);
        loop.execute(task);
        return BoundedWaits.await(task);
    }

    /** Its voluntary context switches so far ({@link ProcThreadStatus}), or {@link ProcThreadStatus#NOT_MEASURED}. */
    public long voluntaryContextSwitches() {
        return ProcThreadStatus.voluntaryContextSwitches(nativeId);
    }
}
