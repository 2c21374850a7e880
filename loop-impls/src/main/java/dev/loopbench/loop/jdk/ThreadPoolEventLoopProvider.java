package dev.loopbench.loop.jdk;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/** Registers {@link ThreadPoolEventLoopAdapter} as {@code jdk-executor}; its one option is the bound every loop takes. */
public final class ThreadPoolEventLoopProvider extends AbstractEventLoopProvider {

    public static final String NAME = "jdk-executor";

    public ThreadPoolEventLoopProvider() {
        super(NAME, "single-thread ThreadPoolExecutor on a LinkedBlockingQueue, the JDK baseline",
                List.of(LoopOption.maxPendingTasks()));
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new ThreadPoolEventLoopAdapter(settings);
    }
}
