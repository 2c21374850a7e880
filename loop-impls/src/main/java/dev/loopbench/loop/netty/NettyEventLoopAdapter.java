package dev.loopbench.loop.netty;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.ExecutorBackedEventLoop;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Netty single-thread event loop behind the contract. Netty runs the tasks on its own thread and queue; the
 * {@link ExecutorBackedEventLoop} gates keep a throwing task from ending Netty's {@code DefaultEventLoop} and let
 * {@code shutdownNow()} take the unstarted tasks out of Netty's queue on its thread.
 */
public final class NettyEventLoopAdapter extends ExecutorBackedEventLoop {

    private final DrainableNettyLoop netty;

    NettyEventLoopAdapter(LoopSettings settings, DrainableNettyLoop netty) {
        super(settings);
        this.netty = netty;
        netty.executor().terminationFuture().addListener(terminated -> markTerminated());
    }

    @Override
    public boolean inEventLoop() {
        return netty.executor().inEventLoop();
    }

    @Override
    protected void executeOnUnderlying(Runnable gate) {
        netty.executor().execute(gate);
    }

    @Override
    protected void drainUnderlying(List<Runnable> into) {
        netty.drainTo(into);
    }

    @Override
    protected void shutdownUnderlying() {
        // no quiet period: the contract's shutdown has already waited for everything it owes
        netty.executor().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    protected int pendingTasks() {
        return netty.pendingTasks();
    }

    @Override
    protected boolean underlyingHasQueuedTasks() {
        return netty.hasQueuedTasks();
    }

    @Override
    protected void interruptLoopThread() {
        netty.interruptLoopThread();
    }
}
