package dev.loopbench.bench.launcher;

import dev.loopbench.bench.latency.OneWayLatency;
import dev.loopbench.bench.rounds.Durations;
import dev.loopbench.bench.rounds.RoundsOptions;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.TuningGrid;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.tools.results.LoopOptionsParam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --tune IMPL [--rates 1000,10000,100000] [--budget 15m]}: one-way latency at each offered rate for every
 * setting in the loop's {@link TuningGrid}, each setting and rate one fork, all of them in one interleaved round
 * in random order, so that a minute of machine noise falls on a random setting rather than on one strategy.
 *
 * <p>The launcher replaces these options with the JMH arguments of {@link #jmhArguments()}; the rest of the
 * command line (the result file, {@code -jvmArgsAppend}...) is kept, and what the run sets itself (forks,
 * iterations, the loop, its settings and rates) is refused there. How long each fork
 * measures follows from the budget: the forks share it, each paying about {@link #FORK_OVERHEAD} for its JVM,
 * setup and warmup, and measuring for the rest, between {@value #MIN_ITERATIONS} and {@value #MAX_ITERATIONS}
 * one-second iterations. A grid too large for the budget is refused with the budget it needs.
 *
 * @param implementation the registered loop to tune
 * @param rates          the offered rates, in sends per second
 * @param budget         the wall time the run may take
 */
public record TuningRun(String implementation, List<Integer> rates, Duration budget) {

    static final String TUNE_OPTION = "--tune";
    static final String RATES_OPTION = "--rates";
    static final String BUDGET_OPTION = "--budget";
    static final List<Integer> DEFAULT_RATES = List.of(1_000, 10_000, 100_000);
    static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);
    /**
     * A fork's two JVM starts (the launcher's and JMH's), trial setup, its one 1 s warmup iteration and teardown:
     * about 4 s on the quiet 2-vCPU machine here (the launcher prints the real time left after every fork).
     */
    static final Duration FORK_OVERHEAD = Duration.ofSeconds(4);
    /** Fewer would leave a 1,000/s fork's p99 resting on a handful of samples. */
    static final int MIN_ITERATIONS = 3;
    /** More adds little to a sweep whose purpose is ranking settings; spend a larger budget on more rates. */
    static final int MAX_ITERATIONS = 10;

    private static final List<String> RUN_OPTIONS = List.of("-f", "-i", "-r", "-wi", "-w", "--rounds", "--interleave", "--ab");
    private static final List<String> RUN_PARAMS = List.of("impl", LoopOptionsParam.NAME, OneWayLatency.RATE_PARAM);

    public TuningRun {
        rates = List.copyOf(rates);
    }

    /** The tuning run on {@code args}, if they ask for one, and the arguments left. */
    record Parsed(Optional<TuningRun> run, List<String> rest) {
    }

    /** @throws IllegalArgumentException saying which option is wrong and what it takes */
    static Parsed parse(List<String> args) {
        if (!args.contains(TUNE_OPTION)) {
            if (args.contains(RATES_OPTION)) {
                throw new IllegalArgumentException(RATES_OPTION + " belongs to a tuning run: " + TUNE_OPTION + " IMPL "
                        + RATES_OPTION + " 1000,10000");
            }
            return new Parsed(Optional.empty(), args);
        }
        String implementation = null;
        List<Integer> rates = DEFAULT_RATES;
        Duration budget = DEFAULT_BUDGET;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case TUNE_OPTION -> implementation = RoundsOptions.value(args, ++i, arg,
                        "a loop's name, one of " + String.join(", ", EventLoopRegistry.availableNames()));
                case RATES_OPTION -> rates = rates(RoundsOptions.value(args, ++i, arg, "rates in sends per second, e.g. 1000,10000"));
                case BUDGET_OPTION -> budget = Durations.parse(RoundsOptions.value(args, ++i, arg, "a duration, e.g. 15m"));
                default -> rest.add(arg);
            }
        }
        refuseWhatTheRunSets(rest);
        EventLoopProvider provider = EventLoopRegistry.provider(implementation);
        provider.unavailableBecause().ifPresent(reason -> {
            throw new IllegalArgumentException(TUNE_OPTION + " " + provider.name() + ": that loop is unavailable on this "
                    + "machine (" + reason + ")");
        });
        return new Parsed(Optional.of(new TuningRun(provider.name(), rates, budget)), rest);
    }

    /**
     * A tuning run's own arguments cannot be overridden: its plan (settings, forks, time) would no longer say what
     * runs, and one fork per setting and rate is what the budget was divided by.
     */
    private static void refuseWhatTheRunSets(List<String> rest) {
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String next = i + 1 < rest.size() ? rest.get(i + 1) : "";
            boolean setsParam = arg.equals("-p") && RUN_PARAMS.stream().anyMatch(param -> next.startsWith(param + "="));
            if (RUN_OPTIONS.contains(arg) || setsParam) {
                throw new IllegalArgumentException(TUNE_OPTION + " sets " + (setsParam ? "-p " + next : arg)
                        + " itself, from the loop's declared options, " + RATES_OPTION + " and " + BUDGET_OPTION
                        + "; to measure one setting, use OneWayLatency -p impl=... -p loopOptions=...");
            }
        }
    }

    /** The settings to try, each as a {@code loopOptions} value. */
    List<String> settings() {
        EventLoopProvider provider = EventLoopRegistry.provider(implementation);
        List<Map<String, String>> grid = TuningGrid.of(provider);
        if (grid.equals(List.of(Map.of()))) {
            throw new IllegalArgumentException("'" + implementation + "' has nothing to tune: none of its options "
                    + provider.options().stream().map(LoopOption::name).toList() + " declares tuning values; "
                    + "loops with some: " + EventLoopRegistry.availableNames().stream()
                    .filter(name -> !TuningGrid.of(EventLoopRegistry.provider(name)).equals(List.of(Map.of())))
                    .collect(Collectors.joining(", ")));
        }
        return grid.stream().map(LoopOptionsParam::encode).toList();
    }

    int forks() {
        return settings().size() * rates.size();
    }

    /** One-second measurement iterations per fork that fit the budget. */
    int iterations() {
        long perFork = budget.toSeconds() / forks() - FORK_OVERHEAD.toSeconds();
        if (perFork < MIN_ITERATIONS) {
            Duration needed = FORK_OVERHEAD.plusSeconds(MIN_ITERATIONS).multipliedBy(forks());
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d settings x %d rates = %d forks need at least %s; give %s %s, or fewer %s",
                    settings().size(), rates.size(), forks(), Durations.format(needed), BUDGET_OPTION,
                    Durations.format(needed), RATES_OPTION));
        }
        return (int) Math.min(perFork, MAX_ITERATIONS);
    }

    /** What the run will do and how long it should take, for the user before it starts. */
    String plan() {
        return String.format(Locale.ROOT,
                "tuning %s: %d settings x %d rates (%s/s) = %d forks of OneWayLatency, %d s measured each, about %s",
                implementation, settings().size(), rates.size(),
                rates.stream().map(String::valueOf).collect(Collectors.joining(", ")), forks(), iterations(),
                Durations.format(FORK_OVERHEAD.plusSeconds(iterations()).multipliedBy(forks())));
    }

    /** The launcher's arguments for this run, before the user's own. */
    List<String> jmhArguments() {
        return List.of("--rounds", "1",
                "\\." + OneWayLatency.class.getSimpleName() + "\\.",
                "-p", "impl=" + implementation,
                "-p", LoopOptionsParam.NAME + "=" + String.join(",", settings()),
                "-p", OneWayLatency.RATE_PARAM + "=" + rates.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "-f", "1",
                "-wi", "1", "-w", "1s",
                "-i", Integer.toString(iterations()), "-r", "1s");
    }

    private static List<Integer> rates(String text) {
        try {
            List<Integer> rates = Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (rates.stream().anyMatch(rate -> rate <= 0)) {
                throw new NumberFormatException();
            }
            return rates;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(RATES_OPTION + " '" + text
                    + "': expected positive sends per second separated by commas, e.g. 1000,10000,100000");
        }
    }
}
