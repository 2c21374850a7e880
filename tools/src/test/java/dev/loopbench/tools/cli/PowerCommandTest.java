package dev.loopbench.tools.cli;

import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerCommandTest {

    private static final String BURST = "dev.loopbench.bench.throughput.BurstThroughput.from1Producer";
    private static final String OWN_CPU = "cpu.loop.own.ns.per.op";
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void countsTheRunsTheGateCalledSlowerPerScenarioAndPerGatedMetric() throws Exception {
        abRun("aa/run-1", 1, 1.0);
        abRun("aa/run-2", 3, 1.0);
        abRun("taskNanos=50/run-1", 5, 1.5);
        abRun("taskNanos=50/run-2", 7, 1.5);
        Files.createDirectories(dir.resolve("taskNanos=50/run-3"));

        Cli cli = Cli.run("power", dir.toString());

        String header = line(cli.out(), "slower in");
        String gate = line(cli.out(), "the gate");
        String ownCost = line(cli.out(), OWN_CPU);
        assertAll(
                () -> assertEquals(0, cli.exitCode(), cli.err()),
                () -> assertTrue(header.matches("slower in +aa +taskNanos=50\\s*"), header),
                () -> assertTrue(gate.matches(".*0 of 2 +2 of 2\\s*"), gate),
                () -> assertTrue(ownCost.matches(".*0 of 2 +2 of 2\\s*"), ownCost),
                () -> assertTrue(cli.out().contains("skipped " + dir.resolve("taskNanos=50/run-3")), cli.out()));
    }

    @Test
    void aDirectoryWithoutFinishedRunsIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("aa/run-1"));

        Cli cli = Cli.run("power", dir.toString());

        assertEquals(2, cli.exitCode(), cli.out());
        assertTrue(cli.err().contains("holds no finished run"), cli.err());
    }

    /** One A/B run's folder as the launcher writes it, its head's own CPU per task {@code factor} times the base's. */
    private void abRun(String name, long seed, double factor) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        Path base = new JmhJson(seed).add(JmhJson.row(BURST, "thrpt", "ops/s", 1e6).param("impl", "mpsc")
                .forks(ROUNDS).secondary(OWN_CPU, "ns/op", 100)).write(run.resolve("base.json"));
        Path head = new JmhJson(seed + 1).add(JmhJson.row(BURST, "thrpt", "ops/s", 1e6).param("impl", "mpsc")
                .forks(ROUNDS).secondary(OWN_CPU, "ns/op", 100 * factor)).write(run.resolve("head.json"));
        StringBuilder forks = new StringBuilder();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String side : new String[] {"base", "head"}) {
                forks.append(forks.length() == 0 ? "" : ",\n").append("""
                        {"round": %d, "side": "%s", "benchmark": "%s", "mode": "thrpt", "params": {"impl": "mpsc"},
                         "ok": true}""".formatted(round, side, BURST));
            }
        }
        Files.writeString(run.resolve("rounds.json"), """
                {"seed": 1, "sides": {"base": "%s", "head": "%s"}, "stopped": "", "forks": [%s]}
                """.formatted(base, head, forks));
        Files.writeString(run.resolve("comparison.txt"), "judged by the launcher\n");
    }

    private static String line(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).findFirst().orElse("(no line with " + containing + ")");
    }
}
