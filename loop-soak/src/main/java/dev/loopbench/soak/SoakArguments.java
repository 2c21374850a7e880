package dev.loopbench.soak;

import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The soak's command line, checked: {@code --minutes N [--impls a,b,...] [--seed S]}. Every mistake is an
 * {@link IllegalArgumentException} that says what was wrong and what would be right.
 *
 * @param length how long the soak runs
 * @param providers the implementations to soak, in the registry's order when none was named
 * @param seed the first round's seed, if one was given
 */
record SoakArguments(Duration length, List<EventLoopProvider> providers, Optional<Long> seed) {

    static final String USAGE = """
            usage: scripts/soak.sh --minutes N [--impls a,b,...] [--seed S]

              --minutes N   how long to soak, a positive number of minutes (e.g. 1 or 0.5)
              --impls LIST  the loops to soak, comma-separated; default every registered loop that can run here
              --seed S      the first round's seed (a long); default a random one, printed first

            Every round runs two loops of one implementation under producers (bounded and not), submit chains,
            offloads to a pool shut down midway, interrupts, shutdown and shutdownNow at random moments, and
            loops closing each other, then checks the contract's invariants.
            exit codes: 0 no broken invariant; 1 a broken invariant (the failing rounds' seeds are printed);
                        2 bad arguments""";

    /** Parses {@code args}; empty for {@code --help}. */
    static Optional<SoakArguments> parse(String... args) {
        Duration length = null;
        List<EventLoopProvider> providers = null;
        Optional<Long> seed = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return Optional.empty();
            }
            if (!List.of("--minutes", "--impls", "--seed").contains(flag)) {
                throw new IllegalArgumentException("unknown argument '" + flag + "'; expected --minutes, --impls or --seed");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--minutes" -> length = minutes(value);
                case "--impls" -> providers = implementations(value);
                default -> seed = Optional.of(seed(value));
            }
        }
        if (length == null) {
            throw new IllegalArgumentException("--minutes is missing; say how long to soak, e.g. --minutes 1");
        }
        return Optional.of(new SoakArguments(length, providers != null ? providers : available(), seed));
    }

    private static Duration minutes(String value) {
        double minutes;
        try {
            minutes = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            minutes = Double.NaN;
        }
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("--minutes must be a positive number of minutes, e.g. 1 or 0.5; was '"
                    + value + "'");
        }
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    private static List<EventLoopProvider> implementations(String value) {
        List<EventLoopProvider> providers = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            if (!EventLoopRegistry.names().contains(name.trim())) {
                throw new IllegalArgumentException("--impls: unknown loop '" + name.trim() + "'; the registered loops are "
                        + String.join(", ", EventLoopRegistry.names()));
            }
            EventLoopProvider provider = EventLoopRegistry.provider(name.trim());
            provider.unavailableBecause().ifPresent(why -> {
                throw new IllegalArgumentException("--impls: loop '" + provider.name() + "' cannot run here: " + why);
            });
            if (!providers.contains(provider)) {
                providers.add(provider);
            }
        }
        return providers;
    }

    private static List<EventLoopProvider> available() {
        List<EventLoopProvider> providers = new ArrayList<>();
        EventLoopRegistry.providers().forEach(provider -> {
            if (provider.unavailableBecause().isEmpty()) {
                providers.add(provider);
            }
        });
        return providers;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notALong) {
            throw new IllegalArgumentException("--seed must be a whole number (a Java long); was '" + value + "'");
        }
    }
}
