package dev.loopbench.loop.netty;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Registers Netty's NIO loop as {@code netty-nio}: the {@link SingleThreadIoEventLoop} with an
 * {@link NioIoHandler} that a one-thread {@code MultiThreadIoEventLoopGroup} would hold, built directly so the
 * adapter can reach its queue. Producers wake it through the selector, as asyncio wakes its loop.
 */
public final class NettyNioEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "netty-nio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Netty 4.2 NIO IoEventLoop: MPSC queue plus selector wakeup";
    }

    @Override
    public List<LoopOption> options() {
        return List.of();
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new NettyEventLoopAdapter(settings, new DrainableNioEventLoop(settings.threadFactory()));
    }

    private static final class DrainableNioEventLoop extends SingleThreadIoEventLoop implements DrainableNettyLoop {

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
        public void interruptLoopThread() {
            interruptThread();
        }
    }
}
