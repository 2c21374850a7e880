package dev.loopbench.bench.rounds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's options for interleaved runs, taken out of the command line before the rest goes to JMH.
 *
 * <pre>
 * --interleave           one fork per variant per round, as many rounds as the profile has forks (-f)
 * --rounds N             the same with N rounds
 * --ab BASE.jar          A/B: this jar is the head, BASE.jar the base; needs --out DIR
 * --out DIR              where an A/B run writes base.json, head.json, their logs, histograms and rounds.json
 * --budget DURATION      A/B: stop before a round that would end after this (default 20m)
 * --min-rounds N         A/B: rounds before the first look at the verdicts (default 4)
 * --max-rounds N         A/B: rounds at most (default 30)
 * --thresholds FILE      A/B: per-benchmark thresholds for the stopping verdicts
 * --seed N               the random order's seed (default: from the clock; written to the schedule)
 * --head-jvm-arg ARG     A/B: a JVM flag for the head's forks only, e.g. -Dloopbench.slowdown.taskNanos=50; repeatable
 * </pre>
 *
 * @param headJvmArgs JVM flags that only the head's forks get, after the profile's: JMH records them in every row of
 *                    {@code head.json}, so the comparison names them
 */
public record RoundsOptions(boolean interleave, Optional<Integer> rounds, Optional<Path> abBase, Optional<Path> out,
                            Duration budget, int minRounds, int maxRounds, Optional<Path> thresholds, long seed,
                            List<String> headJvmArgs) {

    public RoundsOptions {
        headJvmArgs = List.copyOf(headJvmArgs);
    }

    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(20);
    public static final int DEFAULT_MIN_ROUNDS = 4;
    public static final int DEFAULT_MAX_ROUNDS = 30;

    /** These options and the arguments left for JMH. */
    public record Parsed(RoundsOptions options, List<String> rest) {
    }

    /** Whether an interleaved run was asked for at all. */
    public boolean active() {
        return interleave || rounds.isPresent() || abBase.isPresent();
    }

    /** @throws IllegalArgumentException saying which option is wrong and what it takes */
    public static Parsed parse(List<String> args) {
        boolean interleave = false;
        Optional<Integer> rounds = Optional.empty();
        Optional<Path> abBase = Optional.empty();
        Optional<Path> out = Optional.empty();
        Duration budget = DEFAULT_BUDGET;
        int minRounds = DEFAULT_MIN_ROUNDS;
        int maxRounds = DEFAULT_MAX_ROUNDS;
        Optional<Path> thresholds = Optional.empty();
        long seed = System.nanoTime();
        List<String> headJvmArgs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--interleave" -> interleave = true;
                case "--rounds" -> rounds = Optional.of(positive(arg, value(args, ++i, arg, "a number of rounds, e.g. 5")));
                case "--ab" -> abBase = Optional.of(Path.of(value(args, ++i, arg, "the base build's benchmarks.jar")));
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg, "a directory for the A/B files")));
                case "--budget" -> budget = Durations.parse(value(args, ++i, arg, "a duration, e.g. 20m"));
                case "--min-rounds" -> minRounds = positive(arg, value(args, ++i, arg, "a number of rounds, e.g. 4"));
                case "--max-rounds" -> maxRounds = positive(arg, value(args, ++i, arg, "a number of rounds, e.g. 30"));
                case "--thresholds" -> thresholds = Optional.of(Path.of(value(args, ++i, arg, "a thresholds file")));
                case "--seed" -> seed = number(arg, value(args, ++i, arg, "a whole number"));
                case "--head-jvm-arg" -> headJvmArgs.add(jvmArg(arg, value(args, ++i, arg,
                        "a JVM flag for the head's forks, e.g. -Dloopbench.slowdown.taskNanos=50")));
                default -> rest.add(arg);
            }
        }
        if (abBase.isPresent() && out.isEmpty()) {
            throw new IllegalArgumentException("--ab needs --out DIR, the directory for base.json and head.json");
        }
        if (abBase.isEmpty() && out.isPresent()) {
            throw new IllegalArgumentException("--out DIR is for --ab runs; a plain run names its JSON with -rff FILE");
        }
        if (abBase.isEmpty() && !headJvmArgs.isEmpty()) {
            throw new IllegalArgumentException("--head-jvm-arg is for --ab runs, which have a head; a plain run takes"
                    + " JVM flags with -jvmArgsAppend");
        }
        if (minRounds > maxRounds) {
            throw new IllegalArgumentException("--min-rounds " + minRounds + " is more than --max-rounds " + maxRounds);
        }
        return new Parsed(new RoundsOptions(interleave, rounds, abBase, out, budget, minRounds, maxRounds, thresholds,
                seed, headJvmArgs), rest);
    }

    /** JMH splits its JVM flags at spaces, so one flag cannot hold one. */
    private static String jvmArg(String option, String text) {
        if (!text.startsWith("-") || text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(option + " takes one JVM flag without spaces, starting with '-', e.g."
                    + " -Dloopbench.slowdown.taskNanos=50; got '" + text + "'");
        }
        return text;
    }

    /**
     * The value after {@code option} at {@code index}, shared by the launcher's option parsers.
     *
     * @throws IllegalArgumentException saying the option needs a value and what {@code expected} it takes
     */
    public static String value(List<String> args, int index, String option, String expected) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value: " + expected);
        }
        return args.get(index);
    }

    private static int positive(String option, String text) {
        long value = number(option, text);
        if (value < 1 || value > 10_000) {
            throw new IllegalArgumentException(option + " takes a number from 1 to 10000; got '" + text + "'");
        }
        return (int) value;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number; got '" + text + "'", e);
        }
    }
}
