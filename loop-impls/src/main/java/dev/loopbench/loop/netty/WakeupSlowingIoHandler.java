package dev.loopbench.loop.netty;

import dev.loopbench.loop.support.Slowdown;
import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;

/**
 * A Netty I/O handler under a wakeup slowdown ({@link Slowdown}): a run that Netty let block (no task was queued)
 * waited in the selector, epoll or io_uring until a producer's wakeup or a deadline, and is slowed as it returns.
 *
 * <h2>Thread contract</h2>
 * As the wrapped handler's: {@link #run} on the loop thread, {@link #wakeup()} from any thread.
 */
final class WakeupSlowingIoHandler implements IoHandler {

    private final IoHandler netty;

    private WakeupSlowingIoHandler(IoHandler netty) {
        this.netty = netty;
    }

    /** {@code factory}'s handlers, wrapped only while wakeups are slowed: otherwise the loop runs Netty's own. */
    static IoHandlerFactory wrapping(IoHandlerFactory factory) {
        if (!Slowdown.slowsWakeups()) {
            return factory;
        }
        return new IoHandlerFactory() {
            @Override
            public IoHandler newHandler(ThreadAwareExecutor executor) {
                return new WakeupSlowingIoHandler(factory.newHandler(executor));
            }

            @Override
            public boolean isChangingThreadSupported() {
                return factory.isChangingThreadSupported();
            }
        };
    }

    @Override
    public int run(IoHandlerContext context) {
        boolean mayBlock = context.canBlock();
        int handled = netty.run(context);
        if (mayBlock) {
            Slowdown.afterWakeup();
        }
        return handled;
    }

    @Override
    public void initialize() {
        netty.initialize();
    }

    @Override
    public void prepareToDestroy() {
        netty.prepareToDestroy();
    }

    @Override
    public void destroy() {
        netty.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return netty.register(handle);
    }

    @Override
    public void wakeup() {
        netty.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return netty.isCompatible(handleType);
    }
}
