package dev.loopbench.bench.rounds;

import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/** Starts an interleaved run, plain or A/B, from the launcher's {@link RoundsOptions} and the resolved JMH arguments. */
public final class RoundsLauncher {

    /** One fork's deadline, JVM starts included: far beyond the longest profile's fork, short of hanging CI. */
    static final long FORK_TIMEOUT_SECONDS = 600;
    private static final String BASE = "base";

    private RoundsLauncher() {
    }

    /**
     * @param variants   what the resolved arguments select, one fork each per round
     * @param timingArgs the resolved arguments without selection, forks, result file and histogram profiler
     * @param forks      the resolved fork count: the number of rounds of {@code --interleave}
     * @param resultFile {@code -rff}, for a plain run
     * @return the exit code: 0 when every fork gave a result, 1 otherwise
     */
    public static int run(RoundsOptions options, List<Variant> variants, List<String> timingArgs, int forks,
                          Optional<String> resultFile, PrintStream progress) throws InterruptedException {
        Path ownJar = ownJar();
        List<Side> sides;
        Path schedulePath;
        StoppingRule rule;
        Optional<Integer> plannedRounds;
        ScheduleLog schedule;
        if (options.abBase().isPresent()) {
            Path out = options.out().orElseThrow();
            Path baseJar = options.abBase().get();
            if (!Files.isRegularFile(baseJar)) {
                throw new IllegalArgumentException("--ab " + baseJar + ": no such jar; build the base first");
            }
            sides = List.of(Side.named(BASE, baseJar, out.resolve("base.json")),
                    Side.named("head", ownJar, out.resolve("head.json"), options.headJvmArgs()));
            schedulePath = out.resolve("rounds.json");
            schedule = new ScheduleLog(schedulePath, options.seed(), sides);
            rule = new SequentialGate(sides.get(0).json(), sides.get(1).json(), schedulePath, options.minRounds(),
                    options.maxRounds(), options.budget(), thresholds(options), schedule, progress);
            plannedRounds = Optional.empty();
        } else {
            int rounds = options.rounds().orElse(forks);
            Side run = Side.named("run", ownJar, Path.of(resultFile.orElse("jmh-result.json")));
            sides = List.of(run);
            schedulePath = Path.of(run.json().toString().replaceFirst("\\.json$", "") + ".rounds.json");
            rule = StoppingRule.fixedRounds(rounds);
            plannedRounds = Optional.of(rounds);
            schedule = new ScheduleLog(schedulePath, options.seed(), sides);
        }
        sides.forEach(RoundsLauncher::startAfresh);
        progress.printf("== %d variant(s) x %s, %s; seed %d; schedule in %s%n", variants.size(),
                plannedRounds.map(n -> n + " round(s)").orElse("up to " + options.maxRounds() + " rounds within "
                        + Durations.format(options.budget())),
                sides.size() == 1 ? "one fork each per round" : "base and head forks of each variant side by side",
                options.seed(), schedulePath);
        sides.stream().filter(side -> !side.jvmArgs().isEmpty()).forEach(side -> progress.println(
                "== " + side.name() + " forks only: " + String.join(" ", side.jvmArgs())));
        InterleavedRun run = new InterleavedRun(variants, sides, timingArgs,
                new ProcessForkLauncher(FORK_TIMEOUT_SECONDS), rule, new Random(options.seed()), schedule, progress,
                plannedRounds);
        Map<String, Integer> failed = run.run();
        failed.forEach((side, count) -> progress.println("== " + count + " " + side + " fork(s) failed; their rows"
                + " are short of forks (see " + side + ".log and the schedule)"));
        // a base that cannot run a variant (e.g. a benchmark the head adds) is the comparison's business, not a failure
        boolean judgedSideFailed = failed.keySet().stream().anyMatch(side -> !side.equals(BASE));
        return judgedSideFailed ? 1 : 0;
    }

    static Thresholds thresholds(RoundsOptions options) {
        Optional<Path> file = options.thresholds();
        try {
            return file.isPresent() ? Thresholds.read(file.get(), RunComparator.DEFAULT_THRESHOLD_PCT)
                    : Thresholds.packaged(RunComparator.DEFAULT_THRESHOLD_PCT)
                            .orElse(Thresholds.uniform(RunComparator.DEFAULT_THRESHOLD_PCT));
        } catch (ResultFileException e) {
            throw new IllegalArgumentException("--thresholds " + e.getMessage(), e);
        }
    }

    /** A rerun under the same names starts afresh: the histograms' pooled files read every log in the folder. */
    private static void startAfresh(Side side) {
        try {
            Files.deleteIfExists(side.json());
            Files.deleteIfExists(side.log());
            if (Files.isDirectory(side.histograms())) {
                try (Stream<Path> files = Files.walk(side.histograms())) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Path parent = side.json().toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the previous files of " + side.json(), e);
        }
    }

    static Path ownJar() {
        try {
            Path location = Path.of(RoundsLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("interleaved runs start forks from the benchmarks jar; run "
                        + "'java -jar benchmarks/target/benchmarks.jar', not the classes in " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }
}
