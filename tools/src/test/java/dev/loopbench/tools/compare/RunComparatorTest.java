package dev.loopbench.tools.compare;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparatorTest {

    private static final String LATENCY = "dev.loopbench.bench.latency.OneWayLatency.oneWay";
    private static final String THROUGHPUT = "dev.loopbench.bench.throughput.ChainThroughput.chain";
    private static final String OWN_CPU = "cpu.loop.own.ns.per.op";
    private static final double THRESHOLD = RunComparator.DEFAULT_THRESHOLD_PCT;
    private static final ComparisonSettings UNPAIRED = ComparisonSettings.unpaired(THRESHOLD);
    private static final Optional<RunMetadata> SAME_MACHINE = Optional.of(metadata("17.0.15"));

    @TempDir
    Path dir;

    private int files;

    @Test
    void twoSamplesOfTheSameDistributionAreUnchanged() throws Exception {
        for (long seed = 1; seed <= 10; seed++) {
            RunComparison comparison = compare(latency(1.0), latency(1.0), seed);

            // a small real difference between two draws may be beyond doubt, and is then said to be under the threshold
            assertTrue(verdicts(comparison).stream().allMatch(verdict -> verdict == Verdict.UNCHANGED
                    || verdict == Verdict.SLOWER_UNDER_THRESHOLD || verdict == Verdict.FASTER_UNDER_THRESHOLD),
                    "seed " + seed + ": " + verdicts(comparison));
            assertFalse(comparison.gateFails());
            assertTrue(comparison.warnings().isEmpty(), comparison.warnings().toString());
        }
    }

    @Test
    void timeUpByAQuarterIsSlower() throws Exception {
        RunComparison comparison = compare(latency(1.0), latency(1.25), 1);

        assertEquals(List.of(Verdict.SLOWER), verdicts(comparison));
        Change score = comparison.gated(Verdict.SLOWER).get(0).change();
        assertAll(
                // own CPU per task 500 -> 625 ns, compared as value + 100 ns (GatedMetrics): 725 / 600
                () -> assertEquals(20.8, score.percent(), 5),
                () -> assertTrue(score.lowPercent() > 0 && score.lowPercent() <= score.percent(), score.toString()),
                () -> assertTrue(score.highPercent() >= score.percent(), score.toString()),
                () -> assertTrue(comparison.hasRegression()));
    }

    @Test
    void throughputDownByAQuarterIsSlower() throws Exception {
        RunComparison comparison = compare(throughput(4.0), throughput(3.0), 1);

        assertEquals(List.of(Verdict.SLOWER), verdicts(comparison));
        MetricComparison score = comparison.comparisons().get(0);
        assertAll(() -> assertEquals("score", score.metric()),
                () -> assertEquals(-25, score.change().percent(), 5),
                () -> assertEquals(Verdict.SLOWER, score.change().verdict(), "reported, not gated"));
    }

    @Test
    void timeDownByAQuarterIsFaster() throws Exception {
        RunComparison comparison = compare(latency(1.0), latency(0.75), 1);

        assertEquals(List.of(Verdict.FASTER), verdicts(comparison));
        assertTrue(!comparison.hasRegression());
    }

    @Test
    void throughputUpByAQuarterIsFaster() throws Exception {
        RunComparison comparison = compare(throughput(4.0), throughput(5.0), 1);

        assertEquals(List.of(Verdict.FASTER), verdicts(comparison));
    }

    @Test
    void sameFilesGiveTheSameIntervalEveryTime() throws Exception {
        Run base = run(new JmhJson(3).add(latency(1.0).apply(1.0)), SAME_MACHINE);
        Run next = run(new JmhJson(4).add(latency(1.0).apply(1.1)), SAME_MACHINE);

        assertEquals(RunComparator.compare(base, next, UNPAIRED), RunComparator.compare(base, next, UNPAIRED));
    }

    @Test
    void aRowMissingFromTheNewRunBreaksItAndARowOnlyInTheNewRunIsListed() throws Exception {
        Run base = run(new JmhJson(1)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc").secondary("hdr.p99", "us", 5))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "locked")), SAME_MACHINE);
        Run next = run(new JmhJson(2)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc"))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "netty")), SAME_MACHINE);

        RunComparison comparison = RunComparator.compare(base, next, UNPAIRED);

        assertEquals(1, comparison.comparisons().size());
        assertEquals(List.of("mpsc:[hdr.p99]"), describe(comparison.onlyInBase()));
        assertEquals(List.of("netty:[score]"), describe(comparison.onlyInNew()));
        assertEquals(1, comparison.broken().size(), comparison.broken().toString());
        assertTrue(comparison.broken().get(0).contains("impl=locked") && comparison.broken().get(0).contains("missing"),
                comparison.broken().get(0));
        assertTrue(comparison.gateFails());
    }

    @Test
    void nanScoresInTheNewRunBreakItAndFailTheGate() throws Exception {
        Run base = run(new JmhJson(1).add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 4)), SAME_MACHINE);
        Run next = run(new JmhJson(2).add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 4).nanScores()), SAME_MACHINE);

        RunComparison comparison = RunComparator.compare(base, next, UNPAIRED);

        assertEquals(Verdict.UNDECIDED, comparison.comparisons().get(0).change().verdict());
        assertTrue(comparison.broken().get(0).contains("NaN"), comparison.broken().toString());
        assertTrue(comparison.gateFails());
    }

    @Test
    void aSingleForkHasNoIntervalAndStaysUndecided() throws Exception {
        RunComparison huge = compare(mean -> latency(1).apply(mean).forks(1), mean -> latency(3).apply(mean).forks(1), 1);

        assertEquals(List.of(Verdict.UNDECIDED), verdicts(huge));
        assertTrue(huge.comparisons().get(0).change().note().contains("nothing can be decided from fewer than 3"),
                huge.comparisons().get(0).change().note());
        assertTrue(huge.inconclusive() && huge.tooFewForks());
    }

    @Test
    void pairedRunsShortOfRoundsInTheNewRunAreBroken() throws Exception {
        Run base = run(new JmhJson(1).add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 4).forks(5)), SAME_MACHINE);
        Run next = run(new JmhJson(2).add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 4).forks(4)), SAME_MACHINE);

        RunComparison comparison = RunComparator.compare(base, next,
                ComparisonSettings.paired(Thresholds.uniform(THRESHOLD)));

        assertTrue(comparison.broken().get(0).contains("4 of 5 rounds"), comparison.broken().toString());
    }

    @Test
    void theGatedSetIsTheTablesAndTheScoreAndPercentilesAreOnlyReported() throws Exception {
        RunComparison comparison = compare(latency(1.0), latency(1.5), 1);

        assertEquals(List.of("score", "hdr.p99", "cpu.loop.own.ns.per.op"), comparison.comparisons().stream()
                .map(MetricComparison::metric).toList());
        comparison.comparisons().forEach(c -> assertEquals(c.metric().startsWith("cpu."), c.gated(), c.metric()));
    }

    @Test
    void forksOnDifferentJvmFlagsAreWarnedAboutFromTheJsonItself() throws Exception {
        Run base = run(new JmhJson(1).add(latency(1.0).apply(1.0)), Optional.empty());
        Run next = run(new JmhJson(2).add(latency(1.0).apply(1.0).jvmArgs("-XX:TieredStopAtLevel=1")), Optional.empty());

        List<String> warnings = RunComparator.compare(base, next, UNPAIRED).warnings();

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("-XX:TieredStopAtLevel=1"), warnings.get(0));
    }

    @Test
    void differentJdksAndMissingMetadataAreWarnedAbout() throws Exception {
        Run base = run(new JmhJson(1).add(latency(1.0).apply(1.0)), Optional.of(metadata("17.0.15")));
        Run next = run(new JmhJson(2).add(latency(1.0).apply(1.0)), Optional.of(metadata("21.0.2")));
        Run unknown = run(new JmhJson(2).add(latency(1.0).apply(1.0)), Optional.empty());

        List<String> differentJdk = RunComparator.compare(base, next, UNPAIRED).warnings();
        List<String> missing = RunComparator.compare(base, unknown, UNPAIRED).warnings();

        assertEquals(1, differentJdk.size());
        assertTrue(differentJdk.get(0).contains("JDK") && differentJdk.get(0).contains("21.0.2"), differentJdk.get(0));
        assertEquals(List.of(), missing, "JMH's own JVM record in both files makes missing metadata harmless");
    }

    /** A latency row whose gated metric, the loop's own CPU per task, scales with its time. */
    private static DoubleFunction<JmhJson.Row> latency(double scale) {
        return mean -> JmhJson.row(LATENCY, "avgt", "us/op", mean * scale).param("impl", "mpsc")
                .secondary("hdr.p99", "us", 10 * mean * scale)
                .secondary("hdr.count", "samples", 1000)
                .secondary(OWN_CPU, "ns/op", 500 * mean * scale);
    }

    /** A throughput row whose gated metric, the loop's own CPU per task, is the inverse of its throughput. */
    private static DoubleFunction<JmhJson.Row> throughput(double opsPerMicro) {
        return mean -> JmhJson.row(THROUGHPUT, "thrpt", "ops/us", opsPerMicro).param("impl", "mpsc").param("depth", "4")
                .secondary(OWN_CPU, "ns/op", 1000 / opsPerMicro);
    }

    private RunComparison compare(DoubleFunction<JmhJson.Row> base, DoubleFunction<JmhJson.Row> next, long seed) throws Exception {
        Run baseRun = run(new JmhJson(seed).add(base.apply(1.0)), SAME_MACHINE);
        Run newRun = run(new JmhJson(seed + 1000).add(next.apply(1.0)), SAME_MACHINE);
        return RunComparator.compare(baseRun, newRun, UNPAIRED);
    }

    private Run run(JmhJson json, Optional<RunMetadata> metadata) throws Exception {
        Path file = json.write(dir.resolve("run-" + files++ + ".json"));
        return new Run(file.toString(), JmhResultReader.read(file), metadata);
    }

    private static List<Verdict> verdicts(RunComparison comparison) {
        return comparison.comparisons().stream().filter(MetricComparison::gated).map(c -> c.change().verdict()).toList();
    }

    private static List<String> describe(List<UnmatchedRow> rows) {
        return rows.stream().map(row -> row.key().params().get("impl") + ":" + row.metrics()).toList();
    }

    private static RunMetadata metadata(String jdkVersion) {
        return new RunMetadata("quick", "2026-11-22T00:00:00Z", "abc", "Eclipse Adoptium", jdkVersion,
                "OpenJDK 64-Bit Server VM", "-Xmx1g", "Intel Xeon", "2", "24000 MiB", "Linux", "-f 3");
    }
}
