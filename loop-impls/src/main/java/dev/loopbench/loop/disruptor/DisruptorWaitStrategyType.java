package dev.loopbench.loop.disruptor;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.loopbench.loop.Aliases;

import java.util.List;
import java.util.function.Supplier;

/**
 * The Disruptor's own wait strategies, one row each: the {@code waitStrategy} option of {@link DisruptorEventLoop}.
 * Whether a strategy is woken by producers decides whether the loop can count wakeups: the blocking ones signal
 * inside the Disruptor on publish, where this loop cannot see whether anyone was waiting, so they are not counted
 * (as with the Netty loops); the others are never woken, so their count is a real zero.
 */
public enum DisruptorWaitStrategyType {

    /** A lock and condition; every publish takes the lock and signals. */
    BLOCKING("blocking", BlockingWaitStrategy::new, true),
    /** The same, but a publish signals only when the loop has said it waits (Disruptor: experimental). */
    LITE_BLOCKING("lite-blocking", LiteBlockingWaitStrategy::new, true),
    /** Spin 100 times, yield 100 times, then park 100 ns at a time: never woken, a timer wakeup per park. */
    SLEEPING("sleeping", SleepingWaitStrategy::new, false),
    /** Spin 100 times, then {@link Thread#yield()}: a core per loop unless other threads want it. */
    YIELDING("yielding", YieldingWaitStrategy::new, false),
    /** Spin with {@link Thread#onSpinWait()}: a core per loop. */
    BUSY_SPIN("busy-spin", BusySpinWaitStrategy::new, false);

    private final String alias;
    private final Supplier<WaitStrategy> factory;
    private final boolean wokenByProducers;

    DisruptorWaitStrategyType(String alias, Supplier<WaitStrategy> factory, boolean wokenByProducers) {
        this.alias = alias;
        this.factory = factory;
        this.wokenByProducers = wokenByProducers;
    }

    public String alias() {
        return alias;
    }

    public WaitStrategy create() {
        return factory.get();
    }

    /** Whether producers wake a waiting loop (inside the Disruptor, uncounted). */
    public boolean wokenByProducers() {
        return wokenByProducers;
    }

    public static List<String> aliases() {
        return Aliases.of(values(), DisruptorWaitStrategyType::alias);
    }

    /** @throws IllegalArgumentException naming the valid aliases */
    public static DisruptorWaitStrategyType forAlias(String alias) {
        return Aliases.find(values(), DisruptorWaitStrategyType::alias, alias, "Disruptor wait strategy");
    }

    @Override
    public String toString() {
        return alias;
    }
}
