package dev.loopbench.loop.locked;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/** Registers {@link LockedDequeEventLoop} as {@code locked-deque}. */
public final class LockedDequeEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "locked-deque";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ArrayDeque under a ReentrantLock, with a condition to wait on";
    }

    @Override
    public List<LoopOption> options() {
        return List.of(LoopOption.maxPendingTasks());
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new LockedDequeEventLoop(settings);
    }
}
