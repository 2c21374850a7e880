package dev.loopbench.loop.netty;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Netty's {@link DefaultEventLoop}, opened to the adapter (see {@link DrainableNettyLoop}). Its methods are
 * repeated in {@link DrainableIoEventLoop} on purpose: they call protected methods of two unrelated Netty classes,
 * which only a subclass of each can reach.
 */
final class DrainableDefaultEventLoop extends DefaultEventLoop implements DrainableNettyLoop {

    DrainableDefaultEventLoop(ThreadFactory threadFactory) {
        super(null, threadFactory);
    }

    @Override
    public EventExecutor executor() {
        return this;
    }

    @Override
    public void drainTo(List<Runnable> into) {
        for (Runnable task; (task = pollTask()) != null; ) {
            into.add(task);
        }
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
