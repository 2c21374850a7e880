package dev.loopbench.loop.jdk;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/** Registers {@link ThreadPoolEventLoopAdapter} as {@code jdk-executor}, the baseline. */
public final class ThreadPoolEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "jdk-executor";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "single-thread ThreadPoolExecutor on a LinkedBlockingQueue, the JDK baseline";
    }

    @Override
    public List<LoopOption> options() {
        return List.of(LoopOption.maxPendingTasks());
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new ThreadPoolEventLoopAdapter(settings);
    }
}
