package dev.loopbench.loop.locked;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.OwnThreadEventLoop;
import dev.loopbench.loop.support.Slowdown;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The textbook event loop: an {@link ArrayDeque} under a {@link ReentrantLock}, and a {@link Condition} the
 * loop waits on when the deque is empty. asyncio's {@code _ready} deque is the same idea.
 *
 * <h2>Thread contract</h2>
 * Producers (any thread) add under the lock; only the loop thread removes, also under the lock.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>{@code waiting} is true exactly while the loop is in {@link Condition#await}, and both it and the deque
 *       change only under the lock: a producer signals only a loop that is waiting, and no signal is lost.</li>
 * </ol>
 */
public final class LockedDequeEventLoop extends OwnThreadEventLoop {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Runnable> deque = new ArrayDeque<>();
    /** Guarded by {@code lock}. */
    private boolean waiting;
    /** Guarded by {@code lock}; read without it by {@link #wakeupsIssued()} (a benign stale read). */
    private volatile long signals;

    LockedDequeEventLoop(LoopSettings settings) {
        super(settings);
        start();
    }

    @Override
    protected void enqueue(Runnable task) {
        lock.lock();
        try {
            deque.addLast(task);
            signalIfWaiting();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected int pendingTasks() {
        lock.lock();
        try {
            return deque.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected Runnable poll() {
        lock.lock();
        try {
            return deque.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void awaitWork(int emptyPolls) {
        boolean waited = false;
        lock.lock();
        try {
            while (deque.isEmpty() && mayIdle()) {
                waiting = true;
                // uninterruptible: a task's leftover interrupt must not turn the wait into a spin;
                // shutdownNow() signals as well as interrupting
                notEmpty.awaitUninterruptibly();
                waiting = false;
                waited = true;
            }
        } finally {
            lock.unlock();
        }
        if (waited) {
            Slowdown.afterWakeup(); // outside the lock: a slower wakeup, not producers held up
        }
    }

    @Override
    protected void wakeUp() {
        lock.lock();
        try {
            signalIfWaiting();
        } finally {
            lock.unlock();
        }
    }

    private void signalIfWaiting() {
        if (waiting) {
            waiting = false;
            signals++;
            notEmpty.signal();
        }
    }

    @Override
    protected long wakeupsIssued() {
        return signals;
    }
}
