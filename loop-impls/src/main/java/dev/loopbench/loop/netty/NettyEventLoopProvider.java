package dev.loopbench.loop.netty;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.LoopThreads;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/** Registers a Netty single-thread loop behind {@link NettyEventLoopAdapter}; one instance per Netty loop type. */
public final class NettyEventLoopProvider implements EventLoopProvider {

    public static final String DEFAULT_LOOP_NAME = "netty";
    public static final String NIO_LOOP_NAME = "netty-nio";

    private final String name;
    private final String description;
    private final Function<ThreadFactory, DrainableNettyLoop> loopFactory;

    private NettyEventLoopProvider(String name, String description,
                                   Function<ThreadFactory, DrainableNettyLoop> loopFactory) {
        this.name = name;
        this.description = description;
        this.loopFactory = loopFactory;
    }

    /** Netty's {@code DefaultEventLoop}: a blocking-queue loop without I/O. */
    public static NettyEventLoopProvider defaultEventLoop() {
        return new NettyEventLoopProvider(DEFAULT_LOOP_NAME,
                "Netty 4.2 DefaultEventLoop: LinkedBlockingQueue take/offer, no selector",
                DrainableDefaultEventLoop::new);
    }

    /**
     * Netty's NIO loop: the {@code SingleThreadIoEventLoop} with an {@code NioIoHandler} that a one-thread
     * {@code MultiThreadIoEventLoopGroup} would hold, built directly so the adapter can reach its queue.
     * Producers wake it through the selector, as asyncio wakes its loop.
     */
    public static NettyEventLoopProvider nioEventLoop() {
        return new NettyEventLoopProvider(NIO_LOOP_NAME,
                "Netty 4.2 NIO IoEventLoop: MPSC queue plus selector wakeup",
                DrainableNioEventLoop::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<LoopOption> options() {
        return List.of(LoopOption.maxPendingTasks());
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new NettyEventLoopAdapter(settings, loopFactory.apply(LoopThreads.marking(settings.threadFactory())));
    }
}
