package dev.loopbench.loop.disruptor;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/** Registers {@link DisruptorEventLoop} as {@code disruptor}, with its wait strategy and ring size. */
public final class DisruptorEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "disruptor";
    public static final String WAIT_STRATEGY = "waitStrategy";
    public static final String RING_SIZE = "ringSize";
    /** Room for the benchmarks' largest bursts (8,192 in flight) several times over. */
    public static final int DEFAULT_RING_SIZE = 65_536;

    private static final List<LoopOption> OPTIONS = List.of(
            LoopOption.oneOf(WAIT_STRATEGY, DisruptorWaitStrategyType.BLOCKING.alias(), DisruptorWaitStrategyType.aliases(),
                    "the Disruptor's wait strategy: lock and condition, the same signalled only when waiting, "
                            + "spin-yield-park 100 ns, spin-yield, or busy-spin"),
            LoopOption.nonNegativeInt(RING_SIZE, DEFAULT_RING_SIZE,
                    "the ring's size, a power of two; execute and submit are refused once it is full, and "
                            + "maxPendingTasks is capped at it"),
            LoopOption.maxPendingTasks());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LMAX Disruptor 4: multi-producer ring, one event handler, the Disruptor's wait strategies";
    }

    @Override
    public List<LoopOption> options() {
        return OPTIONS;
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        int ringSize = settings.nonNegativeIntOption(RING_SIZE);
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("option '" + RING_SIZE + "' of '" + NAME
                    + "' must be a power of two; was " + ringSize);
        }
        return new DisruptorEventLoop(settings.withMaxPendingTasksAtMost(ringSize),
                DisruptorWaitStrategyType.forAlias(settings.option(WAIT_STRATEGY)), ringSize);
    }
}
