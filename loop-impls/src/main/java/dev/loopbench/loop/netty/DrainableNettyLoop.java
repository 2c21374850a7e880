package dev.loopbench.loop.netty;

import io.netty.util.concurrent.EventExecutor;

import java.util.List;

/**
 * A Netty single-thread loop opened just enough for the adapter: Netty keeps taking tasks out of its queue and
 * interrupting its thread to itself ({@code pollTask()}, {@code interruptThread()} are protected), and the
 * adapter needs both to stop the loop as {@code shutdownNow()} promises.
 */
interface DrainableNettyLoop {

    /** The Netty executor itself. */
    EventExecutor executor();

    /** Loop thread only: moves every queued task into {@code into}. */
    void drainTo(List<Runnable> into);

    /** Any thread: how many tasks are queued. */
    int pendingTasks();

    /** Loop thread only: whether tasks are queued. */
    boolean hasQueuedTasks();

    /** Interrupts the loop's thread, if it has started. */
    void interruptLoopThread();
}
