package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopOption;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a benchmark's {@code impl} and {@code loopOptions} parameters into a running loop, through the
 * {@link EventLoopRegistry} alone, and fails with a message naming the valid values on anything unknown: an
 * option the implementation does not have is refused with the implementations that do, rather than ignored,
 * because a run under that name would only repeat the defaults' measurement.
 */
public final class LoopFactory {

    private LoopFactory() {
    }

    /**
     * @param implementation a registered implementation's name
     * @param options option name to value; the options not named keep their defaults
     */
    public static EventLoop create(String implementation, Map<String, String> options) {
        return checked(implementation, options).name("bench-" + implementation).build();
    }

    /**
     * Checks that {@code implementation} takes {@code options}, without building a loop.
     *
     * @throws IllegalArgumentException naming the loops that have an option this one lacks, or the valid values
     */
    public static void check(String implementation, Map<String, String> options) {
        checked(implementation, options);
    }

    private static EventLoopRegistry.Builder checked(String implementation, Map<String, String> options) {
        EventLoopProvider provider = EventLoopRegistry.provider(implementation);
        options.keySet().forEach(key -> {
            if (!hasOption(provider, key)) {
                List<String> having = implementationsWith(key);
                throw new IllegalArgumentException("'" + implementation + "' has no option '" + key + "'; its options are "
                        + provider.options().stream().map(LoopOption::name).toList()
                        + (having.isEmpty() ? "; no registered loop has it"
                                : "; " + String.join(", ", having) + " " + (having.size() == 1 ? "has" : "have")
                                + " it: -p impl=" + String.join(",", having)));
            }
        });
        return EventLoopRegistry.builder(provider).options(options); // refuses a value, naming the valid ones
    }

    /** The implementations that have option {@code key}, in registration order. */
    public static List<String> implementationsWith(String key) {
        return EventLoopRegistry.providers().stream()
                .filter(provider -> hasOption(provider, key))
                .map(EventLoopProvider::name)
                .collect(Collectors.toUnmodifiableList());
    }

    /** Whether {@code provider} has option {@code key} and {@code value} is one of its values (or it is free-form). */
    public static boolean accepts(EventLoopProvider provider, String key, String value) {
        return provider.options().stream().anyMatch(option -> option.name().equals(key)
                && option.accepts(value));
    }

    private static boolean hasOption(EventLoopProvider provider, String key) {
        return provider.options().stream().anyMatch(option -> option.name().equals(key));
    }
}
