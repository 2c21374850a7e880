package dev.loopbench.tools.tune;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.ToolsMain;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.ResultFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frontier, the recommendation and the {@code tune} command, on tuning runs whose answers are known. */
class TuningTest {

    private static final String PARK = "idle=park";
    private static final String SPIN_PARK = "idle=spin-park;spinIterations=1000";
    private static final String SPIN = "idle=spin";
    private static final String SLOW = "idle=backoff";

    @TempDir
    Path dir;

    @Test
    void theFrontierKeepsOnlyTheUndominatedPointsCheapestFirst() {
        TuningPoint cheapSlow = point(PARK, 1000, 40, 0.01);
        TuningPoint middle = point(SPIN_PARK, 1000, 10, 0.2);
        TuningPoint dominated = point(SLOW, 1000, 50, 0.3);
        TuningPoint fastDear = point(SPIN, 1000, 2, 1.0);
        assertEquals(List.of(cheapSlow, middle, fastDear),
                ParetoFrontier.of(List.of(fastDear, dominated, middle, cheapSlow), ParetoFrontier.P99));
    }

    @Test
    void aPointThatFellBehindOrWasNotMeasuredIsNotRanked() {
        TuningPoint behind = new TuningPoint(SPIN, 1000, 500, 1, 1, 1);
        TuningPoint unmeasured = new TuningPoint(SPIN_PARK, 1000, 1000, 1, 1, Double.NaN);
        TuningPoint park = point(PARK, 1000, 40, 0.01);
        assertEquals(List.of(park), ParetoFrontier.of(List.of(behind, unmeasured, park), ParetoFrontier.P99));
    }

    @Test
    void theRecommendationIsTheBestWithinBudgetAtEveryRate() throws Exception {
        TuningResults results = TuningResults.from(dir.resolve("run.json"), JmhResultReader.read(threeSettings()));
        assertEquals(Optional.of(SPIN_PARK), Recommendation.forBudget(results, 0.5).setting());
        assertEquals(Optional.of(SPIN), Recommendation.forBudget(results, 1.0).setting());
        Recommendation tooTight = Recommendation.forBudget(results, 0.001);
        assertTrue(tooTight.setting().isEmpty());
        assertEquals(PARK, tooTight.cheapest().orElseThrow().getKey());
    }

    @Test
    void aRunWithoutOneWayLatencyIsRefusedSayingHowToMakeOne() throws Exception {
        Path json = new JmhJson(1).add(JmhJson.row("dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap",
                "avgt", "us/op", 10).param("impl", "mpsc")).write(dir.resolve("other.json"));
        ResultFileException e = assertThrows(ResultFileException.class,
                () -> TuningResults.from(json, JmhResultReader.read(json)));
        assertTrue(e.getMessage().contains("scripts/tune.sh"), e.getMessage());
    }

    @Test
    void theCommandPrintsTheRecommendationAndWritesAChartPerRate() throws Exception {
        Path json = threeSettings();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ToolsMain.run(new String[] {"tune", json.toString(), "--cpu-budget", "0.5"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("For a loop-thread CPU budget of 0.5 cores: " + SPIN_PARK), printed);
        assertTrue(printed.contains("-p 'loopOptions=" + SPIN_PARK + "' -p sendsPerSecond=1000,100000"), printed);
        assertTrue(printed.contains(".option(\"idle\", \"spin-park\").option(\"spinIterations\", \"1000\")"), printed);
        Path report = dir.resolve("tune-run-tune");
        String markdown = Files.readString(report.resolve("tune.md"));
        for (int rate : new int[] {1000, 100000}) {
            Path png = report.resolve("tune-mpsc-" + rate + "-per-second.png");
            assertTrue(Files.size(png) > 1024, png + " is empty");
            assertTrue(markdown.contains("](" + png.getFileName() + ")"), markdown);
        }
    }

    @Test
    void aRateNoSettingKeptUpWithGetsATableButNoChart() throws Exception {
        JmhJson json = new JmhJson(3);
        add(json, PARK, 1000, 40, 0.01);
        json.add(JmhJson.row("dev.loopbench.bench.latency.OneWayLatency.fixedRate", "thrpt", "ops/s", 50_000)
                .param("impl", "mpsc").param("loopOptions", PARK).param("sendsPerSecond", "100000").noise(0)
                .secondary("hdr.p50", "us", 900).secondary("hdr.p99", "us", 5000).secondary("cpu.loop.share", "cpus", 1));
        Path file = json.write(dir.resolve("behind.json"));
        int exit = ToolsMain.run(new String[] {"tune", file.toString(), "--out", dir.resolve("out").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, exit);
        String markdown = Files.readString(dir.resolve("out/tune.md"));
        assertTrue(markdown.contains("No chart: no setting kept up") && markdown.contains("fell behind: 50,000 sends/s"),
                markdown);
        assertFalse(Files.exists(dir.resolve("out/tune-mpsc-100000-per-second.png")));
        assertTrue(Files.exists(dir.resolve("out/tune-mpsc-1000-per-second.png")));
    }

    @Test
    void aBudgetThatIsNotPositiveIsBadInput() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ToolsMain.run(new String[] {"tune", threeSettings().toString(), "--cpu-budget", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertFalse(err.toString(StandardCharsets.UTF_8).isEmpty());
    }

    /** park: cheap and slow; spin-park: in between; spin: a whole core and fastest; at two rates. */
    private Path threeSettings() throws Exception {
        JmhJson json = new JmhJson(7);
        for (int rate : new int[] {1000, 100000}) {
            add(json, PARK, rate, 40, 0.01);
            add(json, SPIN_PARK, rate, 8, rate == 1000 ? 0.3 : 0.45);
            add(json, SPIN, rate, 2, 1.0);
        }
        return json.write(dir.resolve("tune-run.json"));
    }

    private static void add(JmhJson json, String setting, int rate, double p99, double cpu) {
        json.add(JmhJson.row("dev.loopbench.bench.latency.OneWayLatency.fixedRate", "thrpt", "ops/s", rate)
                .param("impl", "mpsc").param("loopOptions", setting).param("sendsPerSecond", Integer.toString(rate))
                .noise(0)
                .secondary("hdr.p50", "us", p99 / 4).secondary("hdr.p99", "us", p99)
                .secondary("cpu.loop.share", "cpus", cpu));
    }

    private static TuningPoint point(String setting, int rate, double p99, double cpu) {
        return new TuningPoint(setting, rate, rate, p99 / 4, p99, cpu);
    }
}
