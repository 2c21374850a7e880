package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Every wait in the suite, each with a deadline: a loop or helper thread that stops answering fails its benchmark
 * with a message within {@link #TIMEOUT_SECONDS}, instead of hanging the whole run.
 *
 * <p>The waits for a condition spin first, because the conditions they wait for are normally met within
 * microseconds, then yield, then park in short naps: no caller spins for longer than {@link #SPINS} polls.
 */
public final class BoundedWaits {

    /** Far beyond any healthy wait here (the longest is an idle gap of a millisecond or a GC pause). */
    public static final long TIMEOUT_SECONDS = 10;

    /** Polls before yielding: a few microseconds, about what a loop needs to run a task. */
    static final int SPINS = 1_000;
    /** Yields before napping: lets a descheduled peer run on a 2-vCPU machine. */
    static final int YIELDS = 100;
    static final long NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);

    private BoundedWaits() {
    }

    /** The future's value; fails if it completes exceptionally or not within the timeout. */
    public static <V> V await(Future<V> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a task did not complete within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        }
    }

    /**
     * Waits until {@code future} is done, by polling as {@link #until} does, never by blocking in {@code get()}: the
     * thread that completes the future then finds no waiter to unpark, so a benchmark whose producer waits for the
     * loop does not make the loop pay a wakeup for every result.
     */
    public static void untilDone(Future<?> future, String what) {
        until(future::isDone, what);
    }

    /**
     * Takes one permit from a window of operations in flight by polling as {@link #until} does, never by blocking
     * in {@code acquire}: a blocked producer would make the loop pay an unpark in every {@code release()}.
     */
    public static void acquirePolling(Semaphore window) {
        until(window::tryAcquire, "an operation in flight completes");
    }

    /** Takes {@code permits} from a window of operations in flight. */
    public static void acquire(Semaphore window, int permits) {
        try {
            if (!window.tryAcquire(permits, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no operation in flight completed within " + TIMEOUT_SECONDS
                        + " s; the loop has stopped answering");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the window", e);
        }
    }

    /** Waits until {@code condition} holds: spins, then yields, then naps. */
    public static void until(BooleanSupplier condition, String what) {
        for (int spins = 0; spins < SPINS; spins++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.onSpinWait();
        }
        for (int yields = 0; yields < YIELDS; yields++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.yield();
        }
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("gave up after " + TIMEOUT_SECONDS + " s waiting until " + what);
            }
            LockSupport.parkNanos(NAP_NANOS);
        }
    }

    /** A deadline for a measured spin, which must not nap: check it with {@link #checkDeadline} now and then. */
    public static long deadline() {
        return System.nanoTime() + TIMEOUT_NANOS;
    }

    public static void checkDeadline(long deadline, String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("gave up after " + TIMEOUT_SECONDS + " s waiting until " + what);
        }
    }

    /** Waits for a helper thread that was told to stop; fails if it is still alive at the deadline. */
    public static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop within " + TIMEOUT_SECONDS + " s");
        }
    }

    /** Shuts a pool down after its queued work, and fails if its threads outlive the timeout. */
    public static void shutdown(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("a pool did not terminate within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a pool", e);
        }
    }

    /**
     * Shuts a loop down after its queued tasks. Unlike {@link EventLoop#close()}, which waits forever, this
     * fails if the loop has not terminated by the deadline; its thread is a daemon and dies with the fork.
     */
    public static void close(EventLoop loop) {
        loop.shutdown();
        try {
            if (!loop.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("loop " + loop.name() + " did not terminate within "
                        + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing loop " + loop.name(), e);
        }
    }
}
