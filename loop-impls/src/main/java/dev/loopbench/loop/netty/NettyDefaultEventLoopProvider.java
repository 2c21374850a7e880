package dev.loopbench.loop.netty;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/** Registers Netty's {@link DefaultEventLoop} (a blocking-queue loop without I/O) as {@code netty}. */
public final class NettyDefaultEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "netty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Netty 4.2 DefaultEventLoop: LinkedBlockingQueue take/offer, no selector";
    }

    @Override
    public List<LoopOption> options() {
        return List.of();
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new NettyEventLoopAdapter(settings, new DrainableDefaultEventLoop(settings.threadFactory()));
    }

    private static final class DrainableDefaultEventLoop extends DefaultEventLoop implements DrainableNettyLoop {

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
        public void interruptLoopThread() {
            interruptThread();
        }
    }
}
