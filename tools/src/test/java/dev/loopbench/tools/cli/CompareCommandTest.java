package dev.loopbench.tools.cli;

import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    private static final String LATENCY = "dev.loopbench.bench.latency.OneWayLatency.oneWay";
    private static final String THROUGHPUT = "dev.loopbench.bench.throughput.ChainThroughput.chain";
    private static final String OWN_CPU = "cpu.loop.own.ns.per.op";

    @TempDir
    Path dir;

    @Test
    void aFileComparedWithItselfExitsZero() throws Exception {
        Path run = run("run.json", 1, 1.0);

        Cli cli = Cli.run("compare", run.toString(), run.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("unchanged"), cli.out());
        assertFalse(cli.out().contains("slower  "), cli.out());
    }

    @Test
    void aSlowdownExitsOneAndWritesTheMarkdown() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path slower = run("new.json", 2, 1.25);
        Path markdown = dir.resolve("comment.md");

        Cli cli = Cli.run("compare", base.toString(), slower.toString(), "--markdown", markdown.toString());

        String comment = Files.readString(markdown);
        assertAll(
                () -> assertEquals(1, cli.exitCode(), cli.err()),
                () -> assertTrue(cli.out().contains("slower"), cli.out()),
                () -> assertTrue(comment.startsWith("## Benchmark gate: ❌ FAIL"), comment),
                () -> assertTrue(comment.indexOf("### Regressions") < comment.indexOf("<details><summary>All"), comment),
                () -> assertTrue(comment.contains("| slower |"), comment),
                () -> assertTrue(comment.contains("How the verdicts are reached") && comment.contains("Welch t interval"), comment));
    }

    @Test
    void markdownToStandardOutputReplacesTheText() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path slower = run("new.json", 2, 1.25);

        Cli cli = Cli.run("compare", base.toString(), slower.toString(), "--markdown", "-");

        assertEquals(1, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("## Benchmark gate: ❌ FAIL"), cli.out());
    }

    @Test
    void aHigherThresholdAcceptsTheSameSlowdown() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path slower = run("new.json", 2, 1.25);

        Cli cli = Cli.run("compare", base.toString(), slower.toString(), "--threshold", "60%");

        assertEquals(0, cli.exitCode(), cli.out());
    }

    @Test
    void aMissingFileExitsTwoNamingIt() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path missing = dir.resolve("absent.json");

        Cli cli = Cli.run("compare", base.toString(), missing.toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains(missing.toString()) && cli.err().contains("no such file"), cli.err());
    }

    @Test
    void aFileThatIsNotJsonExitsTwo() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path text = Files.writeString(dir.resolve("notes.json"), "# Benchmark {results: pending\n");

        Cli cli = Cli.run("compare", base.toString(), text.toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("notes.json") && cli.err().contains("not valid JSON"), cli.err());
    }

    @Test
    void jsonThatIsNotJmhOutputExitsTwo() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path other = Files.writeString(dir.resolve("other.json"), "[{\"name\": \"not a benchmark\"}]");

        Cli cli = Cli.run("compare", base.toString(), other.toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("not JMH output") && cli.err().contains("benchmark is missing"), cli.err());
    }

    @Test
    void runsWithNothingInCommonExitTwo() throws Exception {
        Path latency = run("latency.json", 1, 1.0);
        Path throughput = new JmhJson(2).add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 3)).write(dir.resolve("throughput.json"));

        Cli cli = Cli.run("compare", latency.toString(), throughput.toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("no benchmark in common"), cli.err());
    }

    @Test
    void aRowMissingFromTheNewRunFailsTheGateAndANewRowIsListed() throws Exception {
        Path base = new JmhJson(1)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc"))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "locked"))
                .write(dir.resolve("base.json"));
        Path next = new JmhJson(2)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc"))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "netty").nanScores())
                .write(dir.resolve("new.json"));

        Cli cli = Cli.run("compare", base.toString(), next.toString());

        assertEquals(1, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("FAIL: the new run is broken"), cli.out());
        assertTrue(cli.out().contains("OneWayLatency.oneWay impl=locked (avgt): in the base, missing from the new run"), cli.out());
        assertTrue(cli.out().contains("Only in new:\n  OneWayLatency.oneWay impl=netty (avgt): score"), cli.out());
    }

    @Test
    void theScheduleShowsTheNoisePerRoundAndFlagsHeavyRounds() throws Exception {
        Path base = run("base.json", 1, 1.0);
        Path schedule = Files.writeString(dir.resolve("rounds.json"), """
                {"seed": 1, "sides": {}, "stopped": "", "forks": [
                  {"round": 1, "ok": true, "noise": {"stealPercent": 0.5, "otherCores": 0.01, "loadAverage": 1.0, "heavy": false}},
                  {"round": 2, "ok": true, "noise": {"stealPercent": 21.0, "otherCores": 0.02, "loadAverage": 1.2, "heavy": true}}]}
                """);
        Path markdown = dir.resolve("c.md");

        Cli cli = Cli.run("compare", base.toString(), base.toString(), "--schedule", schedule.toString(),
                "--markdown", markdown.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("2 rounds, 1 flagged"), cli.out());
        assertTrue(cli.out().contains("21.0%") && cli.out().contains("FLAGGED"), cli.out());
        assertTrue(Files.readString(markdown).contains("Machine noise per round"));
    }

    @Test
    void nothingDecidedIsInconclusiveExitThreeWithTheSmallestResolvableChange() throws Exception {
        Path base = new JmhJson(1).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc")
                .secondaryForks(OWN_CPU, "ns/op", 400, 520, 330, 450)).write(dir.resolve("base.json"));
        Path next = new JmhJson(2).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc")
                .secondaryForks(OWN_CPU, "ns/op", 460, 390, 500, 350)).write(dir.resolve("new.json"));
        Path markdown = dir.resolve("c.md");

        Cli cli = Cli.run("compare", base.toString(), next.toString(), "--markdown", markdown.toString());

        assertAll(
                () -> assertEquals(3, cli.exitCode(), cli.out()),
                () -> assertTrue(cli.out().startsWith("INCONCLUSIVE: no gated metric could be decided; the smallest"
                        + " change these runs could have resolved is ±"), cli.out()),
                () -> assertFalse(cli.out().contains("PASS"), cli.out()),
                () -> assertTrue(Files.readString(markdown).startsWith("## Benchmark gate: ❔ INCONCLUSIVE")));
    }

    @Test
    void twoForksPerSideSayNothingCanBeDecided() throws Exception {
        Path base = new JmhJson(1).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc").forks(2)
                .secondary(OWN_CPU, "ns/op", 400)).write(dir.resolve("base.json"));
        Path next = new JmhJson(2).add(JmhJson.row(LATENCY, "avgt", "us/op", 2).param("impl", "mpsc").forks(2)
                .secondary(OWN_CPU, "ns/op", 800)).write(dir.resolve("new.json"));

        Cli cli = Cli.run("compare", base.toString(), next.toString());

        assertEquals(3, cli.exitCode(), cli.out());
        assertTrue(cli.out().startsWith("INCONCLUSIVE: no gated metric could be decided; with fewer than 3 forks"
                + " (paired rounds) per side nothing can be decided"), cli.out());
    }

    @Test
    void hugeIntervalsAreShownAsBeyondAThousandPercent() throws Exception {
        Path base = new JmhJson(1).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc")
                .secondaryForks(OWN_CPU, "ns/op", 400, 4000, 40)).write(dir.resolve("base.json"));
        Path next = new JmhJson(2).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc")
                .secondaryForks(OWN_CPU, "ns/op", 40, 400, 4000)).write(dir.resolve("new.json"));

        Cli cli = Cli.run("compare", base.toString(), next.toString());

        assertTrue(cli.out().contains("beyond ±1000%"), cli.out());
        assertFalse(cli.out().contains("e+"), cli.out());
    }

    @Test
    void pairedWithTheScheduleForksPairByRoundAndAFailedForkDropsItsRound() throws Exception {
        // round 3's head fork failed: the head's third fork ran in round 4. The drift per round is large and
        // shared; by round every pair agrees exactly, by position the pairs would be a round apart
        Path base = new JmhJson(1).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc").forks(5)
                .secondaryForks(OWN_CPU, "ns/op", 100, 300, 200, 900, 150)).write(dir.resolve("base.json"));
        Path head = new JmhJson(2).add(JmhJson.row(LATENCY, "avgt", "us/op", 1).param("impl", "mpsc").forks(4)
                .secondaryForks(OWN_CPU, "ns/op", 100, 300, 900, 150)).write(dir.resolve("head.json"));
        StringBuilder forks = new StringBuilder();
        for (int round = 1; round <= 5; round++) {
            for (String side : new String[] {"base", "head"}) {
                forks.append(forks.length() == 0 ? "" : ",\n").append("""
                        {"round": %d, "side": "%s", "benchmark": "%s", "mode": "avgt", "params": {"impl": "mpsc"},
                         "ok": %s}""".formatted(round, side, LATENCY, !(round == 3 && side.equals("head"))));
            }
        }
        Path schedule = Files.writeString(dir.resolve("rounds.json"), """
                {"seed": 1, "sides": {"base": "%s", "head": "%s"}, "stopped": "", "forks": [%s]}
                """.formatted(base, head, forks));

        Cli byRound = Cli.run("compare", base.toString(), head.toString(), "--paired", "--schedule", schedule.toString());
        Cli byPosition = Cli.run("compare", base.toString(), head.toString(), "--paired");

        assertAll(
                () -> assertEquals(0, byRound.exitCode(), byRound.out()),
                () -> assertTrue(byRound.out().contains("unchanged"), byRound.out()),
                () -> assertTrue(byRound.out().contains("unpaired round(s) 3 only in base"), byRound.out()),
                () -> assertTrue(byPosition.out().contains("4 of 5 rounds in the new run"), byPosition.out()),
                () -> assertEquals(1, byPosition.exitCode(), byPosition.out()));
    }

    @Test
    void aMarkdownFileInAMissingFolderIsABadArgument() throws Exception {
        Path base = run("base.json", 1, 1.0);

        Cli cli = Cli.run("compare", base.toString(), base.toString(), "--markdown", dir.resolve("no/such/c.md").toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("does not exist"), cli.err());
    }

    @Test
    void aSimulatedSlowdownOfTheSameRunIsCaught() throws Exception {
        Path base = run("base.json", 1, 1.0);

        Cli same = Cli.run("compare", base.toString(), base.toString());
        Cli slowed = Cli.run("compare", base.toString(), base.toString(), "--simulate-slowdown", "25");

        assertEquals(0, same.exitCode(), same.out());
        assertEquals(1, slowed.exitCode(), slowed.out());
        assertTrue(slowed.out().contains("25.0% slower, simulated"), slowed.out());
    }

    @Test
    void wrongArgumentsExitTwoWithWhatWouldBeRight() throws Exception {
        Path base = run("base.json", 1, 1.0);

        Cli missing = Cli.run("compare", base.toString());
        Cli badThreshold = Cli.run("compare", base.toString(), base.toString(), "--threshold", "fast");
        Cli unknownOption = Cli.run("compare", base.toString(), base.toString(), "--treshold", "5");

        assertAll(
                () -> assertEquals(2, missing.exitCode()),
                () -> assertTrue(missing.err().contains("missing NEW.json") && missing.err().contains("usage: compare"), missing.err()),
                () -> assertEquals(2, badThreshold.exitCode()),
                () -> assertTrue(badThreshold.err().contains("--threshold must be a percentage"), badThreshold.err()),
                () -> assertEquals(2, unknownOption.exitCode()),
                () -> assertTrue(unknownOption.err().contains("unknown option --treshold"), unknownOption.err()));
    }

    @Test
    void everyKindOfWrongCommandLineSaysWhatWasWrong() throws Exception {
        String base = run("base.json", 1, 1.0).toString();

        assertUsageError("missing BASE.json and NEW.json", "compare");
        assertUsageError("--threshold needs a value", "compare", base, base, "--threshold");
        assertUsageError("--threshold is given more than once", "compare", base, base, "--threshold", "5", "--threshold=6");
        assertUsageError("--threshold must be a percentage above 0 and below 100", "compare", base, base, "--threshold=150");
        assertUsageError("unexpected argument(s) extra; expected only BASE.json NEW.json", "compare", base, base, "extra");
        assertUsageError("unexpected argument(s) extra; this command takes options only", "metadata", "extra");
        assertUsageError("unknown command 'frobnicate'", "frobnicate");
    }

    private static void assertUsageError(String message, String... args) {
        Cli cli = Cli.run(args);

        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().startsWith("error: " + message) && cli.err().contains("\nusage: "), cli.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"compare", "report", "summary", "metadata"}) {
            Cli cli = Cli.run(command, "--help");

            assertEquals(0, cli.exitCode(), command);
            assertTrue(cli.out().startsWith("usage: " + command), cli.out());
        }
        assertEquals(0, Cli.run("--help").exitCode());
        assertEquals(2, Cli.run("frobnicate").exitCode());
        assertEquals(2, Cli.run().exitCode());
    }

    private Path run(String name, long seed, double scale) throws Exception {
        return new JmhJson(seed)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", scale).param("impl", "mpsc").secondary("hdr.p99", "us", 8 * scale)
                        .secondary(OWN_CPU, "ns/op", 400 * scale))
                .add(JmhJson.row(THROUGHPUT, "thrpt", "ops/us", 3 / scale).param("impl", "mpsc")
                        .secondary(OWN_CPU, "ns/op", 300 * scale))
                .write(dir.resolve(name));
    }
}
