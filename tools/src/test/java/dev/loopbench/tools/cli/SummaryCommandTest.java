package dev.loopbench.tools.cli;

import dev.loopbench.tools.JmhJson;
import dev.loopbench.tools.results.MetadataFile;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.results.RunMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryCommandTest {

    private static final String ROUND_TRIP = "dev.loopbench.bench.latency.RoundTripLatency.roundTrip";
    private static final String SPIN_LIMIT = "dev.loopbench.bench.limits.SpinPingPongLimit.roundTrip";

    @TempDir
    Path dir;

    @Test
    void printsEachImplWithTheBestMarkedAndItsRatioToTheLimit() throws Exception {
        Path run = new JmhJson(3)
                .add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 30).param("impl", "park").param("producerWait", "spin").noise(0))
                .add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 20).param("impl", "spin").param("producerWait", "spin").noise(0))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "us/op", 10).noise(0))
                .write(dir.resolve("run.json"));

        Cli cli = Cli.run("summary", run.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("RoundTripLatency\\.roundTrip\\s+avgt\\s+producerWait=spin\\s+score\\s+park\\s+30\\s+.*3\\.00x \\[3\\.00, 3\\.00\\] \\(unpaired\\)\\s*")),
                cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+spin\\s+20\\s+.*2\\.00x .*\\s+\\*")), cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("SpinPingPongLimit\\.roundTrip\\s+avgt\\s+-\\s+score\\s+-\\s+10\\s+.*")),
                cli.out());
    }

    @Test
    void worksWithoutAnyLimitInTheRun() throws Exception {
        Path run = new JmhJson(3)
                .add(JmhJson.row(ROUND_TRIP, "avgt", "us/op", 30).param("impl", "park").param("producerWait", "spin"))
                .write(dir.resolve("run.json"));

        Cli cli = Cli.run("summary", run.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("Note: no usable " + SPIN_LIMIT), cli.out());
        assertTrue(cli.out().lines().noneMatch(line -> line.matches(".*\\d\\.\\d\\dx.*")), cli.out());
    }

    private static final String WAKEUP = "dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap";

    /** Two loops after 1 ms idle, measured in the opposite order to the one the run asked for them. */
    private Path wakeupRun() throws Exception {
        Path run = new JmhJson(3)
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 20).param("impl", "netty").param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 9.04).secondary("wakeups.per.op", "wakeups/op", Double.NaN)
                        .secondary("cpu.loop.ns.per.op", "ns/op", 9700).noise(0))
                .add(JmhJson.row(WAKEUP, "avgt", "us/op", 21).param("impl", "mpsc").param("idleGapMicros", "1000")
                        .secondary("hdr.p50", "us", 8.61).secondary("wakeups.per.op", "wakeups/op", 1)
                        .secondary("cpu.loop.ns.per.op", "ns/op", 13_500).noise(0))
                .write(dir.resolve("run.json"));
        MetadataFile.write(new RunFiles(run).metadata(), RunMetadata.fromMap(Map.of("jmhArgs",
                "-f 2 -p idleGapMicros=0,1000 -p impl=mpsc,netty 'WakeupLatency'")));
        return run;
    }

    @Test
    void markdownToStandardOutputIsTheHeadlineTableInsteadOfTheText() throws Exception {
        Cli cli = Cli.run("summary", wakeupRun().toString(), "--markdown", "-");

        assertEquals(0, cli.exitCode(), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals("| figure | mpsc | netty |", lines.get(0), cli.out());
        assertEquals("| --- | ---: | ---: |", lines.get(1), cli.out());
        assertTrue(lines.contains("| wakeup after 1 ms idle, one-way p50 (µs) | **8.6** | 9.0 |"), cli.out());
        assertTrue(lines.contains("| loop wakeups per task after 1 ms idle | 1.00 | not measured |"), cli.out());
        assertTrue(lines.contains("| loop CPU per wakeup after 1 ms idle (µs) | 13.5 | **9.7** |"), cli.out());
        assertTrue(lines.contains("| chain depth 4 (k ops/s) | – | – |"), cli.out());
        assertTrue(lines.contains("| the same, round trips that woke the loop, p50 (µs) | – | – |"), cli.out());
        assertFalse(cli.out().contains("Benchmark"), cli.out());
    }

    @Test
    void theOneWayHeadlineIsFromExecuteBesideTheSendersLatenessWithNoBestWithinTheForkSpread() throws Exception {
        String oneWay = "dev.loopbench.bench.latency.OneWayLatency.fixedRate";
        Path run = new JmhJson(4)
                .add(JmhJson.row(oneWay, "thrpt", "ops/s", 5000).param("impl", "mpsc").param("sendsPerSecond", "5000")
                        .secondary("hdr.p50", "us", 60).secondary("hdr.p99", "us", 900)
                        .secondaryForks("hdr.fromExecute.p50", "us", 7, 9, 8).secondaryForks("hdr.fromExecute.p99", "us", 200, 260, 230)
                        .secondaryForks("hdr.lateness.p50", "us", 50, 52, 51).secondaryForks("hdr.lateness.p99", "us", 600, 640, 700))
                .add(JmhJson.row(oneWay, "thrpt", "ops/s", 5000).param("impl", "netty").param("sendsPerSecond", "5000")
                        .secondary("hdr.p50", "us", 70).secondary("hdr.p99", "us", 300)
                        .secondaryForks("hdr.fromExecute.p50", "us", 8.5, 10, 9.5).secondaryForks("hdr.fromExecute.p99", "us", 300, 320, 310)
                        .secondaryForks("hdr.lateness.p50", "us", 50, 51, 52).secondaryForks("hdr.lateness.p99", "us", 650, 600, 620))
                .write(dir.resolve("one-way.json"));

        Cli cli = Cli.run("summary", run.toString(), "--markdown", "-");

        List<String> lines = cli.out().lines().toList();
        assertAll(
                () -> assertTrue(lines.contains("| one-way p50 at 5,000/s from execute() (µs) | 8.0 | 9.3 |"), cli.out()),
                () -> assertTrue(lines.contains("| the sender's lateness beside it, p50 (µs) | 51.0 | 51.0 |"), cli.out()),
                () -> assertTrue(lines.contains("| one-way p99 at 5,000/s from execute() (µs) | **230** | 310 |"), cli.out()),
                () -> assertEquals(lines.indexOf("| the sender's lateness beside it, p99 (µs) | 647 | 623 |"),
                        lines.indexOf("| one-way p99 at 5,000/s from execute() (µs) | **230** | 310 |") + 1, cli.out()),
                () -> assertFalse(cli.out().contains("intended slot"), cli.out()));
    }

    @Test
    void markdownToAFileComesBesideTheText() throws Exception {
        Path markdown = dir.resolve("headline.md");

        Cli cli = Cli.run("summary", wakeupRun().toString(), "--markdown", markdown.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("WakeupLatency.roundTripAfterGap"), cli.out());
        assertTrue(Files.readString(markdown).startsWith("| figure | mpsc | netty |"), Files.readString(markdown));
    }

    @Test
    void markdownIntoAMissingFolderIsBadInput() throws Exception {
        Cli cli = Cli.run("summary", wakeupRun().toString(), "--markdown", dir.resolve("no/such/h.md").toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("does not exist"), cli.err());
    }

    @Test
    void anEmptyRunIsBadInput() throws Exception {
        Path run = Files.writeString(dir.resolve("run.json"), "[]");

        Cli cli = Cli.run("summary", run.toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("holds no benchmark results"), cli.err());
    }

    /** picocli would read the arguments from a file named after an '@'; the tools take every argument as given. */
    @Test
    void anArgumentStartingWithAnAtSignIsAPathNotAnArgumentsFile() throws Exception {
        Path arguments = Files.writeString(dir.resolve("args.txt"), "--help\n");

        Cli cli = Cli.run("summary", "@" + arguments);

        assertEquals(2, cli.exitCode(), cli.out());
        assertTrue(cli.err().contains("@" + arguments), cli.err());
    }
}
