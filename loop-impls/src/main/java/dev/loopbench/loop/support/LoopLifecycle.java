package dev.loopbench.loop.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loop's lifecycle: one {@code volatile int} state, only ever advanced, by CAS, and the wait for its last value.
 * Whether the loop is shut down, stopped or terminated is a comparison of this state and nothing else: the lock
 * and condition below only park the threads waiting for {@code TERMINATED}, they hold no state of their own.
 *
 * <h2>States</h2>
 * {@code RUNNING < SHUTTING_DOWN < SHUTDOWN < STOPPING < STOPPED < TERMINATED}.
 * <ul>
 *   <li>{@code RUNNING}: accepts work.</li>
 *   <li>{@code SHUTTING_DOWN}: {@code shutdown()} was called; new work is refused, but continuations, offload
 *       outcomes and producers already past their state check may still add tasks.</li>
 *   <li>{@code SHUTDOWN}: input is closed, by the loop thread, once its queue was empty, no task was running and
 *       no offload was in flight: no task can be added any more; the loop runs what is queued, then
 *       terminates.</li>
 *   <li>{@code STOPPING}: {@code shutdownNow()} was called or the loop thread died; the loop thread is to take its
 *       queue out, abandoning the tasks in it.</li>
 *   <li>{@code STOPPED}: the loop thread has begun taking its queue out: it runs no task any more, and taking the
 *       queue out again finds nothing.</li>
 *   <li>{@code TERMINATED}: the loop thread is done.</li>
 * </ul>
 *
 * <h2>Thread contract</h2>
 * Any thread reads the state and waits for termination. {@code SHUTTING_DOWN} and {@code STOPPING} are reached
 * from any thread ({@code shutdown()}, {@code shutdownNow()}); {@code SHUTDOWN} and {@code STOPPED} only by the
 * loop thread; {@code TERMINATED} by whoever sees the loop thread finish ({@link #terminate}).
 *
 * <p>Public only so that a queue outside this package can stand behind the loops' own {@link Admission} (the
 * benchmarks' bare-queue floor does): a new lifecycle is {@code RUNNING}, and only this package advances it.
 */
public final class LoopLifecycle {

    static final int RUNNING = 0;
    static final int SHUTTING_DOWN = 1;
    static final int SHUTDOWN = 2;
    static final int STOPPING = 3;
    static final int STOPPED = 4;
    static final int TERMINATED = 5;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(LoopLifecycle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReentrantLock terminationLock = new ReentrantLock();
    private final Condition terminatedSignal = terminationLock.newCondition();
    private volatile int state = RUNNING;

    /** A lifecycle at {@code RUNNING}. */
    public LoopLifecycle() {
        // the state starts RUNNING; the lock and condition wait for its end
    }

    int state() {
        return state;
    }

    boolean isTerminated() {
        return state == TERMINATED;
    }

    /** @return whether the state moved from {@code expected} to {@code target} */
    boolean compareAndSet(int expected, int target) {
        return STATE.compareAndSet(this, expected, target);
    }

    /** Advances the state to {@code target} unless it is already there or beyond. @return whether it moved */
    boolean advance(int target) {
        for (;;) {
            int current = state;
            if (current >= target) {
                return false;
            }
            if (STATE.compareAndSet(this, current, target)) {
                return true;
            }
        }
    }

    /** The loop thread has finished: moves to {@code TERMINATED} and wakes every thread waiting for it. */
    void terminate() {
        advance(TERMINATED);
        // ordering point: the state is TERMINATED before this lock, under which every waiter reads it before waiting
        terminationLock.lock();
        try {
            terminatedSignal.signalAll();
        } finally {
            terminationLock.unlock();
        }
    }

    /**
     * Waits up to {@code nanos} for {@code TERMINATED}. An interrupted caller gets {@link InterruptedException}
     * first, even once the loop has terminated, as from {@code CountDownLatch.await}.
     *
     * @return whether the state is {@code TERMINATED}
     */
    boolean awaitTerminated(long nanos) throws InterruptedException {
        terminationLock.lockInterruptibly();
        try {
            while (state != TERMINATED) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = terminatedSignal.awaitNanos(nanos);
            }
            return true;
        } finally {
            terminationLock.unlock();
        }
    }
}
