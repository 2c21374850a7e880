package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.RunReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The A/B runs of a power measurement, as the launcher's {@code --power} writes them: {@code DIR/SCENARIO/run-K/}
 * holds one A/B run's {@code base.json}, {@code head.json} and {@code rounds.json}, and {@code DIR/aa} the A/A runs.
 * Each run is judged as {@code scripts/ab.sh} judges it: paired by round, at the level its looks left, with the
 * thresholds it ran with ({@value #THRESHOLDS}) where it kept them.
 *
 * @param runs    the judged runs by scenario, {@value #A_A} first, then by name
 * @param skipped run folders without a finished run, each with the reason
 */
public record PowerRuns(Map<String, List<RunComparison>> runs, List<String> skipped) {

    /** The scenario whose head is the base: its "slower" verdicts are false alarms. */
    public static final String A_A = "aa";
    public static final String BASE_JSON = "base.json";
    public static final String HEAD_JSON = "head.json";
    public static final String SCHEDULE = "rounds.json";
    public static final String THRESHOLDS = "thresholds.properties";
    /** Written last, when the run was judged: a folder without it is a run that did not finish. */
    public static final String COMPARISON = "comparison.txt";

    public PowerRuns {
        runs = Map.copyOf(runs);
        skipped = List.copyOf(skipped);
    }

    /** The scenario folder of a head with {@code property=value} injected, e.g. {@code taskNanos=50}. */
    public static String scenarioName(String slowdown) {
        return slowdown.isEmpty() ? A_A : slowdown;
    }

    /** Whether {@code runDir} holds a finished, judged run. */
    public static boolean finished(Path runDir) {
        return Files.isRegularFile(runDir.resolve(COMPARISON));
    }

    /**
     * Judges every finished run under {@code dir}.
     *
     * @param defaults the thresholds of a run that kept none
     * @throws ResultFileException when {@code dir} holds no finished run, or a run's files are malformed
     */
    public static PowerRuns read(Path dir, Thresholds defaults) throws ResultFileException {
        if (!Files.isDirectory(dir)) {
            throw new ResultFileException(dir, "is not a directory; expected the --power DIR of a power run, with a"
                    + " folder per scenario (aa, taskNanos=50...) and a run-K folder per run in each");
        }
        Map<String, List<RunComparison>> runs = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path scenario : folders(dir)) {
            List<RunComparison> judged = new ArrayList<>();
            for (Path run : folders(scenario)) {
                if (!finished(run)) {
                    skipped.add(run + ": no " + COMPARISON + ", so the run did not finish");
                    continue;
                }
                judged.add(judge(run, defaults));
            }
            if (!judged.isEmpty()) {
                runs.put(scenario.getFileName().toString(), judged);
            }
        }
        if (runs.isEmpty()) {
            throw new ResultFileException(dir, "holds no finished run; expected SCENARIO/run-K/ folders with "
                    + BASE_JSON + ", " + HEAD_JSON + ", " + SCHEDULE + " and " + COMPARISON);
        }
        return new PowerRuns(runs, skipped);
    }

    /** One A/B run's folder, judged as the gate judges. */
    public static RunComparison judge(Path runDir, Thresholds defaults) throws ResultFileException {
        Path thresholdsFile = runDir.resolve(THRESHOLDS);
        Thresholds thresholds = Files.isRegularFile(thresholdsFile)
                ? Thresholds.read(thresholdsFile, defaults.defaultPct()) : defaults;
        ComparisonSettings settings = ComparisonSettings.paired(thresholds);
        Path base = runDir.resolve(BASE_JSON);
        Path head = runDir.resolve(HEAD_JSON);
        return RunComparator.compareRounds(RunReader.read(base), RunReader.read(head), settings,
                RoundSchedule.read(runDir.resolve(SCHEDULE)), base.toString(), head.toString());
    }

    /** {@link GatePower} of these runs, A/A first. */
    public GatePower power() {
        Map<String, List<RunComparison>> ordered = new LinkedHashMap<>();
        runs.keySet().stream()
                .sorted(Comparator.comparing((String name) -> !name.equals(A_A)).thenComparing(Comparator.naturalOrder()))
                .forEach(name -> ordered.put(name, runs.get(name)));
        return GatePower.of(ordered);
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
