package dev.loopbench.loop.agrona;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import org.agrona.BitUtil;

import java.util.List;

/** Registers {@link AgronaEventLoop} as {@code agrona}, with its idle strategy and queue capacity. */
public final class AgronaEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "agrona";
    public static final String IDLE = "idle";
    public static final String CAPACITY = "capacity";
    /** Room for the benchmarks' largest bursts (8,192 in flight) several times over. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** The largest power of two an int holds. */
    private static final int MAX_CAPACITY = 1 << 30;

    private static final List<LoopOption> OPTIONS = List.of(
            LoopOption.oneOf(IDLE, AgronaIdleStrategyType.BACKOFF.alias(), AgronaIdleStrategyType.aliases(),
                    "Agrona's idle strategy, by Agrona's alias: back off (spin, yield, park 1 µs to 1 ms), busy-spin, "
                            + "yield, park 1 µs, sleep 1 ms, or nothing; none is woken by producers"),
            LoopOption.nonNegativeInt(CAPACITY, DEFAULT_CAPACITY,
                    "the ManyToOneConcurrentArrayQueue's capacity, rounded up to a power of two as Agrona does; from "
                            + "1 to 2^30; execute and submit are refused once it is full, and maxPendingTasks is capped at it"),
            LoopOption.maxPendingTasks());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Agrona AgentRunner draining a bounded ManyToOneConcurrentArrayQueue, Agrona idle strategies, no wakeups";
    }

    @Override
    public List<LoopOption> options() {
        return OPTIONS;
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        int requested = settings.nonNegativeIntOption(CAPACITY);
        if (requested == 0 || requested > MAX_CAPACITY) {
            throw new IllegalArgumentException("option '" + CAPACITY + "' of '" + NAME + "' must be from 1 to "
                    + MAX_CAPACITY + "; was " + requested);
        }
        // the capacity ManyToOneConcurrentArrayQueue will have, found as it finds it
        int capacity = BitUtil.findNextPositivePowerOfTwo(requested);
        return new AgronaEventLoop(settings.withMaxPendingTasksAtMost(capacity), capacity,
                AgronaIdleStrategyType.forAlias(settings.option(IDLE)).create());
    }
}
