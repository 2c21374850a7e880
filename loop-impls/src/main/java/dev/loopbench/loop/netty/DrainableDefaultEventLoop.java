package dev.loopbench.loop.netty;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/** Netty's {@link DefaultEventLoop}, opened to the adapter (see {@link DrainableNettyLoop}). */
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
