package dev.loopbench.loop.agrona;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import org.agrona.BitUtil;

import java.util.List;
import java.util.Optional;

/**
 * Registers {@link AgronaEventLoop} as {@code agrona}, with its idle strategy and queue capacity. Agrona 2's array
 * queues reach {@code jdk.internal.misc.Unsafe}, so the loop runs only in a JVM started with {@link #JVM_FLAG}
 * ({@code Add-Exports: java.base/jdk.internal.misc} in an executable jar's manifest does the same); elsewhere the
 * registry lists it as unavailable and says so.
 */
public final class AgronaEventLoopProvider implements EventLoopProvider {

    public static final String NAME = "agrona";
    public static final String IDLE = "idle";
    public static final String CAPACITY = "capacity";
    /** What a JVM running this loop must be started with. */
    public static final String JVM_FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /**
     * 2^19: the conformance suite's FIFO test queues up to 400,000 tasks from 4 producers that do not retry, and the
     * benchmarks keep at most 8,192 in flight; a smaller queue refuses callers sooner.
     */
    public static final int DEFAULT_CAPACITY = 1 << 19;

    /** The largest power of two an int holds. */
    private static final int MAX_CAPACITY = 1 << 30;
    /** What the queue preallocates per slot at least: a reference in its array, compressed. */
    private static final int SLOT_BYTES = 4;

    private static final List<LoopOption> OPTIONS = List.of(
            LoopOption.oneOf(IDLE, AgronaIdleStrategyType.BACKOFF.alias(), AgronaIdleStrategyType.aliases(),
                    "Agrona's idle strategy, by Agrona's alias: back off (spin, yield, park 1 µs to 1 ms), busy-spin, "
                            + "yield, park 1 µs, sleep 1 ms, or nothing; none is woken by producers"),
            LoopOption.intBetween(CAPACITY, DEFAULT_CAPACITY, 1, MAX_CAPACITY,
                    "the ManyToOneConcurrentArrayQueue's capacity, rounded up to a power of two as Agrona does; from "
                            + "1 to 2^30, refused when its array cannot fit the heap (" + SLOT_BYTES + " bytes a slot at least); "
                            + "execute and submit are refused once it is full, and maxPendingTasks is capped at it"),
            LoopOption.maxPendingTasks());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a duty cycle draining an Agrona ManyToOneConcurrentArrayQueue, Agrona idle strategies, no wakeups";
    }

    @Override
    public List<LoopOption> options() {
        return OPTIONS;
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
        settings.requireHeapFor(CAPACITY, capacity, SLOT_BYTES);
        return new AgronaEventLoop(settings.withMaxPendingTasksAtMost(capacity), capacity,
                AgronaIdleStrategyType.forAlias(settings.option(IDLE)).create());
    }
}
