package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;

import java.util.List;

/**
 * Registers {@link MpscEventLoop} as {@code mpsc}, with its four tuning options, whose names the benchmarks and tests
 * use from here. A tuning run sweeps every idle
 * strategy and queue, for {@code spin-park} spins of 100, 1,000 and 10,000 empty polls (about 2 µs, 20 µs and
 * 200 µs here), and for {@code adaptive} a wakeup cost of 10 and 50 µs: around the 1 to 100 µs a wakeup costs.
 */
public final class MpscEventLoopProvider extends AbstractEventLoopProvider {

    public static final String NAME = "mpsc";
    public static final String IDLE = "idle";
    public static final String SPIN_ITERATIONS = "spinIterations";
    public static final String WAKEUP_COST_MICROS = "wakeupCostMicros";
    public static final String QUEUE = "queue";
    /** The queue of a loop built without a {@code queue} option, and of the bare-queue limit it is read against. */
    public static final MpscQueueType DEFAULT_QUEUE = MpscQueueType.ARRAY;

    private static final List<LoopOption> OPTIONS = List.of(
            LoopOption.oneOf(IDLE, IdleStrategyType.SPIN_PARK.alias(), IdleStrategyType.aliases(),
                    "what the idle loop does: park at once, spin then park, spin forever, back off as Agrona does (no wakeups),"
                            + " or spin only while recent gaps were shorter than a wakeup costs (adaptive)"),
            LoopOption.nonNegativeInt(SPIN_ITERATIONS, SpinThenParkIdleStrategy.DEFAULT_SPIN_ITERATIONS,
                    "empty polls before parking, for idle=spin-park; a non-negative integer")
                    .tunedOver("100", "1000", "10000").onlyWhen(IDLE, SpinThenParkIdleStrategy.ALIAS),
            LoopOption.intBetween(WAKEUP_COST_MICROS, AdaptiveIdleStrategy.DEFAULT_WAKEUP_COST_MICROS, 0,
                    AdaptiveIdleStrategy.MAX_WAKEUP_COST_MICROS,
                    "what waking a parked loop costs, in µs, for idle=adaptive: the longest spin per idle gap, and"
                            + " the gap below which spinning pays; an integer from 0 (never spin) to "
                            + AdaptiveIdleStrategy.MAX_WAKEUP_COST_MICROS)
                    .tunedOver("10", "50").onlyWhen(IDLE, AdaptiveIdleStrategy.ALIAS),
            LoopOption.oneOf(QUEUE, DEFAULT_QUEUE.alias(), MpscQueueType.aliases(),
                    "the JCTools MPSC queue"),
            LoopOption.maxPendingTasks());

    public MpscEventLoopProvider() {
        super(NAME, "lock-free JCTools MPSC queue, wakeup flag and park/unpark, tunable idle strategy", OPTIONS);
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return new MpscEventLoop(settings, MpscQueueType.forAlias(settings.option(QUEUE)),
                IdleStrategyType.forAlias(settings.option(IDLE)).create(new IdleStrategyType.Options(
                        settings.nonNegativeIntOption(SPIN_ITERATIONS),
                        settings.nonNegativeIntOption(WAKEUP_COST_MICROS))));
    }
}
