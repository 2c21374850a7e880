package dev.loopbench.loop.disruptor;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.RingWithOverflow;

import java.util.List;

/** Registers {@link DisruptorEventLoop} as {@code disruptor}, with its wait strategy and ring size. */
public final class DisruptorEventLoopProvider extends AbstractEventLoopProvider {

    public static final String NAME = "disruptor";
    public static final String WAIT_STRATEGY = "waitStrategy";
    public static final String RING_SIZE = "ringSize";

    public DisruptorEventLoopProvider() {
        super(NAME, "LMAX Disruptor 4: multi-producer ring, one event handler, the Disruptor's wait strategies",
                List.of(LoopOption.oneOf(WAIT_STRATEGY, DisruptorWaitStrategyType.BLOCKING.alias(),
                                DisruptorWaitStrategyType.aliases(), "the Disruptor's wait strategy: lock and condition, "
                                        + "the same signalled only when waiting, spin-yield-park 100 ns, spin-yield, or busy-spin"),
                        RingWithOverflow.sizeOption(RING_SIZE, "the ring's size, a power of two",
                                DisruptorEventLoop.SLOT_BYTES),
                        LoopOption.maxPendingTasks()));
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        int ringSize = settings.nonNegativeIntOption(RING_SIZE);
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("option '" + RING_SIZE + "' of '" + NAME
                    + "' must be a power of two; was " + ringSize);
        }
        return new DisruptorEventLoop(RingWithOverflow.settingsFor(settings, RING_SIZE, ringSize,
                DisruptorEventLoop.SLOT_BYTES), DisruptorWaitStrategyType.forAlias(settings.option(WAIT_STRATEGY)),
                ringSize);
    }
}
