package dev.loopbench.loop.netty;

import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Netty's {@link SingleThreadIoEventLoop} with an I/O handler of its transport (NIO, epoll, io_uring), opened to the
 * adapter (see {@link DrainableNettyLoop}). Its methods repeat {@link DrainableDefaultEventLoop}'s because they call
 * protected methods, which only a subclass of each Netty class may.
 */
final class DrainableIoEventLoop extends SingleThreadIoEventLoop implements DrainableNettyLoop {

    DrainableIoEventLoop(ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory) {
        super(null, threadFactory, WakeupSlowingIoHandler.wrapping(ioHandlerFactory));
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
