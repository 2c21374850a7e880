package dev.loopbench.loop.netty;

import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Netty's NIO {@link SingleThreadIoEventLoop}, opened to the adapter (see {@link DrainableNettyLoop}). Its two
 * methods repeat {@link DrainableDefaultEventLoop}'s because they call protected methods, which only a subclass of
 * each Netty class may.
 */
final class DrainableNioEventLoop extends SingleThreadIoEventLoop implements DrainableNettyLoop {

    DrainableNioEventLoop(ThreadFactory threadFactory) {
        super(null, threadFactory, NioIoHandler.newFactory());
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
