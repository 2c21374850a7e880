package dev.loopbench.loop.agrona;

import dev.loopbench.loop.AbstractEventLoopProvider;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.RingWithOverflow;
import org.agrona.BitUtil;

import java.util.List;
import java.util.Optional;

/**
 * Registers {@link AgronaEventLoop} as {@code agrona}, with its idle strategy and queue capacity. Agrona 2's array
 * queues reach {@code jdk.internal.misc.Unsafe}, so the loop runs only in a JVM started with {@link #JVM_FLAG}
 * ({@code Add-Exports: java.base/jdk.internal.misc} in an executable jar's manifest does the same); elsewhere the
 * registry lists it as unavailable and says so.
 */
public final class AgronaEventLoopProvider extends AbstractEventLoopProvider {

    public static final String NAME = "agrona";
    public static final String IDLE = "idle";
    public static final String CAPACITY = "capacity";
    /** What a JVM running this loop must be started with. */
    public static final String JVM_FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** What the queue preallocates per slot at least: a reference in its array, compressed. */
    private static final int SLOT_BYTES = 4;

    private static final List<LoopOption> OPTIONS = List.of(
            LoopOption.oneOf(IDLE, AgronaIdleStrategyType.BACKOFF.alias(), AgronaIdleStrategyType.aliases(),
                    "Agrona's idle strategy, by Agrona's alias: back off (spin, yield, park 1 µs to 1 ms), busy-spin, "
                            + "yield, park 1 µs, sleep 1 ms, or nothing; none is woken by producers"),
            RingWithOverflow.sizeOption(CAPACITY,
                    "the ManyToOneConcurrentArrayQueue's capacity, rounded up to a power of two as Agrona does", SLOT_BYTES),
            LoopOption.maxPendingTasks());

    public AgronaEventLoopProvider() {
        super(NAME, "a duty cycle draining an Agrona ManyToOneConcurrentArrayQueue, Agrona idle strategies, no wakeups",
                OPTIONS);
    }

    @Override
    public Optional<String> unavailableBecause() {
        boolean exported = Object.class.getModule().isExported("jdk.internal.misc", getClass().getModule());
        return exported ? Optional.empty()
                : Optional.of("Agrona 2 needs jdk.internal.misc.Unsafe; start the JVM with " + JVM_FLAG);
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        unavailableBecause().ifPresent(reason -> {
            throw new IllegalStateException(NAME + " is unavailable on this JVM: " + reason);
        });
        // the capacity ManyToOneConcurrentArrayQueue will have, found as it finds it
        int capacity = BitUtil.findNextPositivePowerOfTwo(settings.nonNegativeIntOption(CAPACITY));
        return new AgronaEventLoop(RingWithOverflow.settingsFor(settings, CAPACITY, capacity, SLOT_BYTES), capacity,
                AgronaIdleStrategyType.forAlias(settings.option(IDLE)).create());
    }
}
