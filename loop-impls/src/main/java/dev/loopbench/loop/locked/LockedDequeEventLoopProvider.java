package dev.loopbench.loop.locked;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/** Registers {@link LockedDequeEventLoop} as {@code locked-deque}; its one option is the bound every loop takes. */
public final class LockedDequeEventLoopProvider extends AbstractEventLoopProvider {

    public static final String NAME = "locked-deque";

    public LockedDequeEventLoopProvider() {
        super(NAME, "ArrayDeque under a ReentrantLock, with a condition to wait on", List.of(LoopOption.maxPendingTasks()));
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new LockedDequeEventLoop(settings);
    }
}
