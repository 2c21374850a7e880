package dev.loopbench.bench.rounds;

import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.JmhJsonMerger;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.text.Numbers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs every variant as single-fork JMH runs, round after round, each round in a fresh random order (randomized
 * multiple interleaved trials, Abedi &amp; Brecht): forks of the variants being compared, and with two sides the
 * base and head forks of each variant, run next to each other in time, so that the machine's drift over minutes
 * falls on all of them alike instead of on whichever ran last.
 *
 * <p>With two sides, each variant's base and head forks run back to back in a random order of the pair, so fork
 * {@code i} of a row in the base JSON and fork {@code i} of the same row in the head JSON come from the same round:
 * the comparison can pair them.
 *
 * <p>Each side's forks accumulate in one standard JMH JSON, one fork per round in every row (see
 * {@link JmhJsonMerger}); the {@link ScheduleLog} records the schedule and the machine's noise per fork. A fork
 * that fails is recorded and reported; the run goes on, and its row ends up a fork short, which the gate reports.
 */
public final class InterleavedRun {

    private final List<Variant> variants;
    private final List<Side> sides;
    private final List<String> timingArgs;
    private final ForkLauncher launcher;
    private final StoppingRule stoppingRule;
    private final Random random;
    private final ScheduleLog schedule;
    private final PrintStream progress;
    private final Optional<Integer> plannedRounds;

    /**
     * @param timingArgs    the JMH arguments every fork shares (iterations, JVM flags, other profilers); not the
     *                      selection, forks, result file or this suite's histogram profiler, which are per fork
     * @param plannedRounds the number of rounds when it is fixed, for the time estimate of progress lines
     */
    public InterleavedRun(List<Variant> variants, List<Side> sides, List<String> timingArgs, ForkLauncher launcher,
                          StoppingRule stoppingRule, Random random, ScheduleLog schedule, PrintStream progress,
                          Optional<Integer> plannedRounds) {
        this.variants = List.copyOf(variants);
        this.sides = List.copyOf(sides);
        this.timingArgs = List.copyOf(timingArgs);
        this.launcher = launcher;
        this.stoppingRule = stoppingRule;
        this.random = random;
        this.schedule = schedule;
        this.progress = progress;
        this.plannedRounds = plannedRounds;
    }

    /** Runs rounds until the stopping rule says stop; returns the number of forks that failed, per side name. */
    public Map<String, Integer> run() throws InterruptedException {
        Instant started = Instant.now();
        Map<String, Integer> failed = new TreeMap<>();
        int forksDone = 0;
        for (int round = 1; ; round++) {
            List<Variant> order = new ArrayList<>(variants);
            Collections.shuffle(order, random);
            int position = 0;
            for (Variant variant : order) {
                List<Side> pair = new ArrayList<>(sides);
                Collections.shuffle(pair, random);
                for (Side side : pair) {
                    position++;
                    ForkReport report = runFork(round, position, side, variant);
                    forksDone++;
                    if (!report.outcome().succeeded()) {
                        failed.merge(side.name(), 1, Integer::sum);
                    }
                    progress.println(progressLine(round, forksDone, started, side, variant, report));
                }
            }
            Optional<String> stop = stoppingRule.stopAfter(round, Duration.between(started, Instant.now()));
            if (stop.isPresent()) {
                schedule.stopped(stop.get());
                progress.println("== stopped after round " + round + ": " + stop.get());
                return failed;
            }
        }
    }

    /** What one fork gave: its outcome, its scores for the progress line, and the machine's noise meanwhile. */
    private record ForkReport(ForkLauncher.Outcome outcome, String scores, Optional<MachineNoise.Reading> noise) {
    }

    /** Runs one fork and appends its result to its side's JSON. */
    private ForkReport runFork(int round, int position, Side side, Variant variant) throws InterruptedException {
        Path forkJson = side.json().resolveSibling(side.name() + "-fork.json");
        List<String> args = new ArrayList<>(timingArgs);
        args.addAll(variant.jmhSelection());
        args.addAll(List.of("-f", "1", "-rf", "json", "-rff", forkJson.toString(),
                "-prof", HdrHistogramProfiler.class.getName() + ":" + HdrHistogramProfiler.DIR_OPTION + "="
                        + side.histograms()));
        Optional<MachineNoise.Snapshot> before = MachineNoise.snapshot();
        Instant start = Instant.now();
        ForkLauncher.Outcome outcome = launcher.run(side, args, forkJson);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Optional<MachineNoise.Reading> noise = MachineNoise.between(before, MachineNoise.snapshot());
        ForkReport report = outcome.succeeded() ? appended(side, forkJson, outcome, noise)
                : new ForkReport(outcome, "", noise);
        schedule.add(round, position, side, variant, start, seconds, report.outcome(), noise);
        return report;
    }

    private static ForkReport appended(Side side, Path forkJson, ForkLauncher.Outcome outcome,
                                       Optional<MachineNoise.Reading> noise) {
        try {
            List<BenchmarkResult> rows = JmhResultReader.read(forkJson);
            if (rows.isEmpty()) {
                return new ForkReport(new ForkLauncher.Outcome(outcome.exitCode(),
                        "the benchmark failed (no result); see " + side.log()), "", noise);
            }
            JmhJsonMerger.appendFork(side.json(), forkJson);
            Files.delete(forkJson);
            String scores = rows.stream()
                    .map(row -> Numbers.score(row.primaryMetric().score()) + " " + row.primaryMetric().unit())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return new ForkReport(outcome, scores, noise);
        } catch (ResultFileException | IOException e) {
            return new ForkReport(new ForkLauncher.Outcome(outcome.exitCode(),
                    "its JSON could not be merged: " + e.getMessage()), "", noise);
        }
    }

    private String progressLine(int round, int forksDone, Instant started, Side side, Variant variant,
                                ForkReport report) {
        Duration elapsed = Duration.between(started, Instant.now());
        String when = plannedRounds.map(rounds -> {
            long total = (long) rounds * variants.size() * sides.size();
            Duration left = elapsed.dividedBy(forksDone).multipliedBy(total - forksDone);
            return String.format(Locale.ROOT, "round %d/%d, fork %d/%d, %s, ~%s left",
                    round, rounds, forksDone, total, Durations.format(elapsed), Durations.format(left));
        }).orElse(String.format(Locale.ROOT, "round %d, fork %d, %s", round, forksDone, Durations.format(elapsed)));
        String result = report.outcome().succeeded() ? report.scores() : "FAILED: " + report.outcome().problem();
        String noise = report.noise().map(MachineNoise.Reading::toString).orElse("noise not measured");
        return String.format(Locale.ROOT, "[%s] %s %s: %s (%s)", when, side.name(), variant.label(), result, noise);
    }
}
