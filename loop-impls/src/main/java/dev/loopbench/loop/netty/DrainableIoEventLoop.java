package dev.loopbench.loop.netty;

import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.IoHandlerFactory;

import java.util.concurrent.ThreadFactory;

/**
 * Netty's {@link SingleThreadIoEventLoop} with an I/O handler of its transport (NIO, epoll, io_uring), opened to the
 * adapter (see {@link DrainableNettyLoop}). Its one-line openings repeat {@link DrainableDefaultEventLoop}'s because
 * they call protected methods, which only a subclass of each Netty class may.
 */
final class DrainableIoEventLoop extends SingleThreadIoEventLoop implements DrainableNettyLoop {

    DrainableIoEventLoop(ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory) {
        super(null, threadFactory, WakeupSlowingIoHandler.wrapping(ioHandlerFactory));
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
