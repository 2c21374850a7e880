package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.Aliases;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The {@code mpsc} loop's idle strategies, one row each: the alias the {@code idle} option takes and how to build
 * the strategy from the {@code spinIterations} option (which only {@code spin-park} uses). A new strategy is a
 * class implementing {@link IdleStrategy} and a row here.
 */
public enum IdleStrategyType {

    PARK(ParkIdleStrategy.ALIAS, spinIterations -> new ParkIdleStrategy()),
    SPIN_PARK(SpinThenParkIdleStrategy.ALIAS, SpinThenParkIdleStrategy::new),
    SPIN(BusySpinIdleStrategy.ALIAS, spinIterations -> new BusySpinIdleStrategy()),
    BACKOFF(BackoffIdleStrategy.ALIAS, spinIterations -> new BackoffIdleStrategy());

    private final String alias;
    private final IntFunction<IdleStrategy> factory;

    IdleStrategyType(String alias, IntFunction<IdleStrategy> factory) {
        this.alias = alias;
        this.factory = factory;
    }

    public String alias() {
        return alias;
    }

    public IdleStrategy create(int spinIterations) {
        return factory.apply(spinIterations);
    }

    public static List<String> aliases() {
        return Aliases.of(values(), IdleStrategyType::alias);
    }

    /** @throws IllegalArgumentException naming the valid aliases */
    public static IdleStrategyType forAlias(String alias) {
        return Aliases.find(values(), IdleStrategyType::alias, alias, "idle strategy");
    }

    @Override
    public String toString() {
        return alias;
    }
}
