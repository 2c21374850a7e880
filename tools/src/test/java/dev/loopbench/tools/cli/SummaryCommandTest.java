package dev.loopbench.tools.cli;

import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(lines.stream().anyMatch(l -> l.matches("RoundTripLatency\\.roundTrip\\s+avgt\\s+producerWait=spin\\s+score\\s+park\\s+30\\s+.*3\\.00x\\s*")),
                cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+spin\\s+20\\s+.*2\\.00x\\s+\\*")), cli.out());
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
