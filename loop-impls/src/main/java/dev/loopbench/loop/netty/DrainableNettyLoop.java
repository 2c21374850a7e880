package dev.loopbench.loop.netty;

import io.netty.util.concurrent.EventExecutor;

import java.util.List;

/**
 * A Netty single-thread loop opened just enough for the adapter: Netty keeps taking tasks out of its queue and
 * interrupting its thread to itself ({@code pollTask()}, {@code interruptThread()} are protected), and the
 * adapter needs both to stop the loop as {@code shutdownNow()} promises.
 */
interface DrainableNettyLoop {

    /** The Netty executor itself: every implementation is one. */
    default EventExecutor executor() {
        return (EventExecutor) this;
    }

    /** Loop thread only: takes the next queued task out, or returns null (Netty's protected {@code pollTask()}). */
    Runnable pollQueuedTask();

    /** Loop thread only: moves every queued task into {@code into}. */
    default void drainTo(List<Runnable> into) {
        for (Runnable task; (task = pollQueuedTask()) != null; ) {
            into.add(task);
        }
    }

    /** Any thread: how many tasks are queued. */
    int pendingTasks();

    /** Loop thread only: whether tasks are queued. */
    boolean hasQueuedTasks();

    /** Interrupts the loop's thread, if it has started. */
    void interruptLoopThread();
}
