package dev.loopbench.loop.agrona;

import dev.loopbench.loop.Aliases;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.List;
import java.util.function.Supplier;

/**
 * Agrona's own idle strategies, one row each, under Agrona's own aliases (each class's {@code ALIAS}, as Aeron's
 * configuration names them): the {@code idle} option of {@link AgronaEventLoop}. None of them is woken by a
 * producer: each returns by itself, at once or after its own sleep, so the loop issues no wakeups.
 */
public enum AgronaIdleStrategyType {

    /** Spin 10 times, yield 5 times, then park from 1 µs doubling up to 1 ms: Agrona's usual agent strategy. */
    BACKOFF(BackoffIdleStrategy.ALIAS, BackoffIdleStrategy::new),
    /** Spin with {@link Thread#onSpinWait()}: a core per loop, the lowest latency. */
    SPIN(BusySpinIdleStrategy.ALIAS, () -> BusySpinIdleStrategy.INSTANCE),
    /** {@link Thread#yield()} on every idle cycle: a core per loop unless other threads want it. */
    YIELD(YieldingIdleStrategy.ALIAS, () -> YieldingIdleStrategy.INSTANCE),
    /** Park {@value SleepingIdleStrategy#DEFAULT_SLEEP_PERIOD_NS} ns each idle cycle (a timer wakeup each). */
    SLEEP_NS(SleepingIdleStrategy.ALIAS, SleepingIdleStrategy::new),
    /** {@link Thread#sleep} {@value SleepingMillisIdleStrategy#DEFAULT_SLEEP_PERIOD_MS} ms each idle cycle. */
    SLEEP_MS(SleepingMillisIdleStrategy.ALIAS, SleepingMillisIdleStrategy::new),
    /** Nothing at all, not even a spin-wait hint: the duty cycle runs flat out. */
    NOOP(NoOpIdleStrategy.ALIAS, () -> NoOpIdleStrategy.INSTANCE);

    private final String alias;
    private final Supplier<IdleStrategy> factory;

    AgronaIdleStrategyType(String alias, Supplier<IdleStrategy> factory) {
        this.alias = alias;
        this.factory = factory;
    }

    public String alias() {
        return alias;
    }

    /** A new strategy: the stateful ones keep their back-off in plain fields, for one thread only. */
    public IdleStrategy create() {
        return factory.get();
    }

    public static List<String> aliases() {
        return Aliases.of(values(), AgronaIdleStrategyType::alias);
    }

    /** @throws IllegalArgumentException naming the valid aliases */
    public static AgronaIdleStrategyType forAlias(String alias) {
        return Aliases.find(values(), AgronaIdleStrategyType::alias, alias, "Agrona idle strategy");
    }

    @Override
    public String toString() {
        return alias;
    }
}
