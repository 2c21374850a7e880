package dev.loopbench.bench.rounds;

import dev.loopbench.loop.support.Slowdown;
import dev.loopbench.tools.compare.ComparisonTextRenderer;
import dev.loopbench.tools.compare.PowerRuns;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code --power DIR [--runs 10] [--slowdowns taskNanos=50,taskNanos=10,wakeupNanos=1000]}, with the A/B run's own
 * options ({@code --budget}, {@code --min-rounds}, {@code --max-rounds}, {@code --seed}): how often the gate, run as
 * a user runs it, calls a build slower, on this machine. Every run is one A/B run of this jar against itself, as
 * {@code scripts/ab.sh --base X --head X} makes it, judged as the gate judges it: in the A/A runs (folder
 * {@value PowerRuns#A_A}) nothing changed, so a "slower" is a false alarm; in the others the head's forks get one
 * real slowdown of the loop ({@link Slowdown}: CPU burnt per task or per wakeup), so a "slower" is a detection.
 *
 * <p>Run {@code k} of every scenario is made before run {@code k + 1} of any, the scenarios in a random order each
 * time, so that the machine's drift over the hours falls on all of them alike. The runs land in
 * {@code DIR/SCENARIO/run-K/}; a run already finished there is kept and skipped, so a measurement stopped part way
 * (a session's end) goes on where it stopped, and runs add up across sessions. After every run the table so far is
 * printed ({@code ToolsMain power DIR} prints it again at any time).
 *
 * @param dir       where the runs go
 * @param runs      runs per scenario
 * @param slowdowns the slowed heads, each {@code taskNanos=N} or {@code wakeupNanos=N}; the A/A scenario always runs
 */
public record PowerRun(Path dir, int runs, List<String> slowdowns) {

    static final String POWER_OPTION = "--power";
    static final String RUNS_OPTION = "--runs";
    static final String SLOWDOWNS_OPTION = "--slowdowns";
    static final int DEFAULT_RUNS = 10;
    static final List<String> DEFAULT_SLOWDOWNS = List.of("taskNanos=50", "taskNanos=10", "wakeupNanos=1000");
    private static final String PROPERTY_PREFIX = "loopbench.slowdown.";
    /** What an A/B run of a power measurement decides itself; the rest of the A/B options are the user's. */
    private static final List<String> SET_BY_THE_RUN = List.of("--ab", "--out", "--head-jvm-arg", "--interleave",
            "--rounds");

    public PowerRun {
        slowdowns = List.copyOf(slowdowns);
    }

    /** The power run on the command line, if it asks for one, and the arguments left. */
    public record Parsed(Optional<PowerRun> run, List<String> rest) {
    }

    /** @throws IllegalArgumentException saying which option is wrong and what it takes */
    public static Parsed parse(List<String> args) {
        if (!args.contains(POWER_OPTION)) {
            for (String option : List.of(RUNS_OPTION, SLOWDOWNS_OPTION)) {
                if (args.contains(option)) {
                    throw new IllegalArgumentException(option + " belongs to a power run: " + POWER_OPTION + " DIR "
                            + option + " ...");
                }
            }
            return new Parsed(Optional.empty(), args);
        }
        Path dir = null;
        int runs = DEFAULT_RUNS;
        List<String> slowdowns = DEFAULT_SLOWDOWNS;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case POWER_OPTION -> dir = Path.of(RoundsOptions.value(args, ++i, arg, "the directory for the runs, e.g. results/power"));
                case RUNS_OPTION -> runs = runs(RoundsOptions.value(args, ++i, arg, "the runs per scenario, e.g. 10"));
                case SLOWDOWNS_OPTION -> slowdowns = slowdowns(RoundsOptions.value(args, ++i, arg,
                        "slowdowns separated by commas, e.g. taskNanos=50,wakeupNanos=1000"));
                default -> {
                    if (SET_BY_THE_RUN.contains(arg)) {
                        throw new IllegalArgumentException(arg + " is set by the power run itself (every run is an A/B"
                                + " run of this jar against itself in DIR/SCENARIO/run-K)");
                    }
                    rest.add(arg);
                }
            }
        }
        return new Parsed(Optional.of(new PowerRun(dir, runs, slowdowns)), rest);
    }

    /** The head's JVM flag for a slowdown, e.g. {@code -Dloopbench.slowdown.taskNanos=50}. */
    static String jvmFlag(String slowdown) {
        return "-D" + PROPERTY_PREFIX + slowdown;
    }

    /**
     * Makes the runs still missing, scenario by scenario within each run index.
     *
     * @param abOptions  the user's A/B options (budget, rounds, seed); the base, output and head flags are set here
     * @param variants   what the resolved arguments select
     * @param timingArgs the arguments every fork shares
     * @return 0 when every run was made and judged, 1 when a run's forks failed (the run is kept unjudged)
     */
    public int run(RoundsOptions abOptions, List<Variant> variants, List<String> timingArgs, PrintStream progress)
            throws InterruptedException {
        Path ownJar = RoundsLauncher.ownJar();
        Thresholds thresholds = RoundsLauncher.thresholds(abOptions);
        List<String> scenarios = new ArrayList<>(List.of(""));
        scenarios.addAll(slowdowns);
        Random order = new Random(abOptions.seed());
        int exitCode = 0;
        for (int k = 1; k <= runs; k++) {
            Collections.shuffle(scenarios, order);
            for (String slowdown : scenarios) {
                Path runDir = dir.resolve(PowerRuns.scenarioName(slowdown)).resolve("run-" + k);
                if (PowerRuns.finished(runDir)) {
                    progress.printf("== power: %s kept (finished before)%n", runDir);
                    continue;
                }
                progress.printf("== power: run %d of %d, %s: %s%n", k, runs, PowerRuns.scenarioName(slowdown), runDir);
                RoundsOptions options = new RoundsOptions(false, Optional.empty(), Optional.of(ownJar),
                        Optional.of(runDir), abOptions.budget(), abOptions.minRounds(), abOptions.maxRounds(),
                        abOptions.thresholds(), order.nextLong(),
                        slowdown.isEmpty() ? List.of() : List.of(jvmFlag(slowdown)));
                if (RoundsLauncher.run(options, variants, timingArgs, 0, Optional.empty(), progress) != 0) {
                    progress.printf("== power: %s had failed forks; it is left unjudged and made again next time%n", runDir);
                    exitCode = 1;
                    continue;
                }
                judge(runDir, thresholds, progress);
            }
        }
        return exitCode;
    }

    /** Judges a finished run, writes its comparison (which marks it finished) and prints the table so far. */
    private void judge(Path runDir, Thresholds thresholds, PrintStream progress) {
        try {
            RunComparison comparison = PowerRuns.judge(runDir, thresholds);
            String text = ComparisonTextRenderer.render(comparison,
                    Optional.of(RoundSchedule.read(runDir.resolve(PowerRuns.SCHEDULE))));
            Files.writeString(runDir.resolve(PowerRuns.COMPARISON), text);
            progress.printf("== power: %s: %s%n", runDir, comparison.gateFails() ? "FAIL"
                    : comparison.inconclusive() ? "INCONCLUSIVE" : "PASS");
            progress.print(PowerRuns.read(dir, thresholds).power().table().toText());
        } catch (ResultFileException e) {
            throw new IllegalStateException("the run in " + runDir + " cannot be judged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison of " + runDir, e);
        }
    }

    private static int runs(String text) {
        try {
            int runs = Integer.parseInt(text);
            if (runs >= 1 && runs <= 1000) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(RUNS_OPTION + " takes a number of runs per scenario from 1 to 1000; got '"
                + text + "'");
    }

    /** @throws IllegalArgumentException naming the slowdowns there are */
    static List<String> slowdowns(String text) {
        List<String> slowdowns = new ArrayList<>();
        for (String slowdown : text.split(",")) {
            String[] nameValue = slowdown.trim().split("=", 2);
            String property = PROPERTY_PREFIX + nameValue[0];
            boolean known = property.equals(Slowdown.TASK_NANOS_PROPERTY) || property.equals(Slowdown.WAKEUP_NANOS_PROPERTY);
            long nanos;
            try {
                nanos = nameValue.length == 2 ? Long.parseLong(nameValue[1]) : -1;
            } catch (NumberFormatException e) {
                nanos = -1;
            }
            if (!known || nanos < 1 || nanos > Slowdown.MAX_NANOS) {
                throw new IllegalArgumentException(SLOWDOWNS_OPTION + ": '" + slowdown + "' is no slowdown; each is "
                        + "taskNanos=N (CPU burnt on the loop thread per task) or wakeupNanos=N (per wakeup), N from 1 to "
                        + Slowdown.MAX_NANOS + " ns, e.g. taskNanos=50,wakeupNanos=1000");
            }
            slowdowns.add(nameValue[0] + "=" + nanos);
        }
        return List.copyOf(slowdowns);
    }
}
