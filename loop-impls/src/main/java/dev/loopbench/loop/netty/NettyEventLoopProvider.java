package dev.loopbench.loop.netty;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.LoopThreads;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** Registers a Netty single-thread loop behind {@link NettyEventLoopAdapter}; one instance per Netty loop type. */
public final class NettyEventLoopProvider extends AbstractEventLoopProvider {

    public static final String DEFAULT_LOOP_NAME = "netty";
    public static final String NIO_LOOP_NAME = "netty-nio";
    public static final String EPOLL_LOOP_NAME = "netty-epoll";
    public static final String IO_URING_LOOP_NAME = "netty-io_uring";

    private final Function<ThreadFactory, DrainableNettyLoop> loopFactory;
    private final Supplier<Optional<Throwable>> unavailabilityCause;

    private NettyEventLoopProvider(String name, String description,
                                   Function<ThreadFactory, DrainableNettyLoop> loopFactory,
                                   Supplier<Optional<Throwable>> unavailabilityCause) {
        super(name, description, List.of(LoopOption.maxPendingTasks()));
        this.loopFactory = loopFactory;
        this.unavailabilityCause = unavailabilityCause;
    }

    /** Netty's {@code DefaultEventLoop}: a blocking-queue loop without I/O. */
    public static NettyEventLoopProvider defaultEventLoop() {
        return new NettyEventLoopProvider(DEFAULT_LOOP_NAME,
                "Netty 4.2 DefaultEventLoop: LinkedBlockingQueue take/offer, no selector",
                DrainableDefaultEventLoop::new, Optional::empty);
    }

    /**
     * Netty's NIO loop: the {@code SingleThreadIoEventLoop} with an {@code NioIoHandler} that a one-thread
     * {@code MultiThreadIoEventLoopGroup} would hold, built directly so the adapter can reach its queue.
     * Producers wake it through the selector, as asyncio wakes its loop.
     */
    public static NettyEventLoopProvider nioEventLoop() {
        return new NettyEventLoopProvider(NIO_LOOP_NAME,
                "Netty 4.2 NIO IoEventLoop: MPSC queue plus selector wakeup",
                threads -> new DrainableIoEventLoop(threads, NioIoHandler.newFactory()), Optional::empty);
    }

    /**
     * Netty's native epoll transport ({@code EpollIoHandler}), what production Netty runs on Linux: the same loop as
     * {@link #nioEventLoop()}, woken through an eventfd instead of a selector's pipe.
     */
    public static NettyEventLoopProvider epollEventLoop() {
        return new NettyEventLoopProvider(EPOLL_LOOP_NAME,
                "Netty 4.2 native epoll IoEventLoop: MPSC queue plus eventfd wakeup",
                threads -> new DrainableIoEventLoop(threads, EpollIoHandler.newFactory()),
                () -> Optional.ofNullable(Epoll.unavailabilityCause()));
    }

    /** Netty's io_uring transport ({@code IoUringIoHandler}); the kernel may refuse io_uring, which is then said. */
    public static NettyEventLoopProvider ioUringEventLoop() {
        return new NettyEventLoopProvider(IO_URING_LOOP_NAME,
                "Netty 4.2 io_uring IoEventLoop: MPSC queue plus io_uring wakeup",
                threads -> new DrainableIoEventLoop(threads, IoUringIoHandler.newFactory()),
                () -> Optional.ofNullable(IoUring.unavailabilityCause()));
    }

    @Override
    public Optional<String> unavailableBecause() {
        return unavailabilityCause.get().map(cause -> "Netty says: " + cause);
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        Optional<Throwable> cause = unavailabilityCause.get();
        if (cause.isPresent()) {
            throw new IllegalStateException(name() + " is unavailable on this machine; Netty says: " + cause.get(),
                    cause.get());
        }
        DrainableNettyLoop netty = loopFactory.apply(LoopThreads.marking(settings.threadFactory()));
        try {
            return new NettyEventLoopAdapter(settings, netty);
        } catch (RuntimeException | Error refused) {
            // Netty's I/O loop opened its selector, eventfd or ring when it was built: a refused build closes them
            netty.executor().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw refused;
        }
    }
}
