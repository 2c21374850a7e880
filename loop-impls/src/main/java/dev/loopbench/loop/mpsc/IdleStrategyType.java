package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.Aliases;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code mpsc} loop's idle strategies, one row each: the alias the {@code idle} option takes and how to build
 * the strategy from the loop's numeric idle options ({@code spinIterations}, which only {@code spin-park} uses;
 * {@code wakeupCostMicros}, which only {@code adaptive} uses). A new strategy is a class implementing
 * {@link IdleStrategy} and a row here.
 */
public enum IdleStrategyType {

    PARK(ParkIdleStrategy.ALIAS, options -> new ParkIdleStrategy()),
    SPIN_PARK(SpinThenParkIdleStrategy.ALIAS, options -> new SpinThenParkIdleStrategy(options.spinIterations())),
    SPIN(BusySpinIdleStrategy.ALIAS, options -> new BusySpinIdleStrategy()),
    BACKOFF(BackoffIdleStrategy.ALIAS, options -> new BackoffIdleStrategy()),
    ADAPTIVE(AdaptiveIdleStrategy.ALIAS, options -> new AdaptiveIdleStrategy(options.wakeupCostMicros()));

    /** The {@code mpsc} loop's numeric idle options, parsed (so checked) whichever strategy is picked. */
    public record Options(int spinIterations, int wakeupCostMicros) {
    }

    private final String alias;
    private final Function<Options, IdleStrategy> factory;

    IdleStrategyType(String alias, Function<Options, IdleStrategy> factory) {
        this.alias = alias;
        this.factory = factory;
    }

    public String alias() {
        return alias;
    }

    /** @throws IllegalArgumentException if an option the strategy uses is out of its range */
    public IdleStrategy create(Options options) {
        return factory.apply(options);
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
