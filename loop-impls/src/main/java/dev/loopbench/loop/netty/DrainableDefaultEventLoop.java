package dev.loopbench.loop.netty;

import dev.loopbench.loop.support.Slowdown;
import io.netty.channel.DefaultEventLoop;

import java.util.concurrent.ThreadFactory;

/**
 * Netty's {@link DefaultEventLoop}, opened to the adapter (see {@link DrainableNettyLoop}). Its one-line openings
 * are repeated in {@link DrainableIoEventLoop} on purpose: they call protected methods, which only a subclass of each
 * Netty class can reach.
 */
final class DrainableDefaultEventLoop extends DefaultEventLoop implements DrainableNettyLoop {

    DrainableDefaultEventLoop(ThreadFactory threadFactory) {
        super(null, threadFactory);
    }

    /** Under a wakeup slowdown ({@link Slowdown}), a take with no task queued waited for a producer. */
    @Override
    protected Runnable takeTask() {
        if (!Slowdown.slowsWakeups()) {
            return super.takeTask();
        }
        boolean waits = !hasTasks();
        Runnable task = super.takeTask();
        if (waits) {
            Slowdown.afterWakeup();
        }
        return task;
    }

    @Override
    public Runnable pollQueuedTask() {
        return pollTask();
    }

    @Override
    public boolean hasQueuedTasks() {
        return hasTasks();
    }

    @Override
    public void interruptLoopThread() {
        interruptThread();
    }
}
