package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopOption;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a benchmark's {@code impl} and tuning parameters into a running loop, through the
 * {@link EventLoopRegistry} alone, and fails with a message naming the valid values on anything unknown.
 *
 * <p>Every loop benchmark carries every tuning parameter (JMH parameters belong to a class, not to one
 * implementation), so a tuning value reaches a loop only if its implementation has that option. For one that has
 * not, the parameter must keep its default: a swept value there would only repeat the same measurement under
 * another name, so it is refused with the command that sweeps it properly.
 */
public final class LoopFactory {

    private LoopFactory() {
    }

    /**
     * @param implementation a registered implementation's name
     * @param tuning option name to value, for every tuning parameter of the benchmark
     */
    public static EventLoop create(String implementation, Map<String, String> tuning) {
        EventLoopProvider provider = EventLoopRegistry.provider(implementation);
        EventLoopRegistry.Builder builder = EventLoopRegistry.builder(provider)
                .name("bench-" + implementation);
        tuning.forEach((key, value) -> {
            if (hasOption(provider, key)) {
                builder.option(key, value);
            } else if (!value.equals(defaultValue(key).orElse(value))) {
                throw new IllegalArgumentException("-p " + key + "=" + value + " tunes only "
                        + String.join(", ", implementationsWith(key)) + "; '" + implementation
                        + "' has no option '" + key + "'. Sweep it with -p impl="
                        + String.join(",", implementationsWith(key)) + " -p " + key + "=...");
            }
        });
        return builder.build();
    }

    /** The default of option {@code key} as the implementations that have it declare it. */
    public static Optional<String> defaultValue(String key) {
        return EventLoopRegistry.providers().stream()
                .flatMap(provider -> provider.options().stream())
                .filter(option -> option.name().equals(key))
                .map(LoopOption::defaultValue)
                .findFirst();
    }

    /** The implementations that have option {@code key}, in registration order. */
    public static List<String> implementationsWith(String key) {
        return EventLoopRegistry.providers().stream()
                .filter(provider -> hasOption(provider, key))
                .map(EventLoopProvider::name)
                .collect(Collectors.toUnmodifiableList());
    }

    private static boolean hasOption(EventLoopProvider provider, String key) {
        return provider.options().stream().anyMatch(option -> option.name().equals(key));
    }
}
