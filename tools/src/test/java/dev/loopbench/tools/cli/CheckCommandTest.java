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

class CheckCommandTest {

    private static final String ONE_WAY = "dev.loopbench.bench.latency.OneWayLatency.fixedRate";
    private static final String BURST = "dev.loopbench.bench.throughput.BurstThroughput.from1Producer";
    private static final String CHAIN = "dev.loopbench.bench.throughput.ChainThroughput.chain";

    @TempDir
    Path dir;

    @Test
    void aCompleteRunExitsZero() throws Exception {
        Path run = run();
        Path histograms = Files.createDirectories(dir.resolve("histograms"));
        Files.writeString(histograms.resolve("OneWayLatency.fixedRate__impl=mpsc.hlog"), "");
        Files.writeString(histograms.resolve("OneWayLatency.fixedRate__impl=mpsc.hgrm"), "");
        Path listing = Files.writeString(dir.resolve("list.txt"), "Benchmarks:\n" + ONE_WAY + "\n" + BURST + "\n");

        Cli cli = Cli.run("check", run.toString(), "--benchmarks", listing.toString(),
                "--metrics", "OneWayLatency.fixedRate=hdr.p50", "--histograms", histograms.toString());

        assertEquals(0, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.out().contains("complete, 2 rows"), cli.out());
    }

    @Test
    void everyMissingBenchmarkMetricAndHistogramIsListedAndExitsOne() throws Exception {
        Path run = run();
        Path histograms = Files.createDirectories(dir.resolve("histograms"));
        Files.writeString(histograms.resolve("OneWayLatency.fixedRate__impl=mpsc.hlog"), "");
        Path listing = Files.writeString(dir.resolve("list.txt"), ONE_WAY + "\n" + BURST + "\n" + CHAIN + "\n");

        Cli cli = Cli.run("check", run.toString(), "--benchmarks", listing.toString(),
                "--metrics", "OneWayLatency.fixedRate=hdr.p50,hdr.p99", "--histograms", histograms.toString());

        assertAll(
                () -> assertEquals(1, cli.exitCode(), cli.out()),
                () -> assertTrue(cli.out().contains(CHAIN + ": no row"), cli.out()),
                () -> assertTrue(cli.out().contains("no hdr.p99"), cli.out()),
                () -> assertFalse(cli.out().contains("no hdr.p50"), cli.out()),
                () -> assertTrue(cli.out().contains("OneWayLatency.fixedRate__impl=mpsc.hgrm"), cli.out()),
                () -> assertTrue(cli.out().contains("incomplete, 3 thing(s) missing"), cli.out()));
    }

    @Test
    void aMalformedMetricsOptionIsBadInput() throws Exception {
        Cli cli = Cli.run("check", run().toString(), "--metrics", "hdr.p50");

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("BENCHMARK=NAME,NAME"), cli.err());
    }

    private Path run() throws Exception {
        return new JmhJson(1)
                .add(JmhJson.row(ONE_WAY, "thrpt", "ops/s", 5000).param("impl", "mpsc").secondary("hdr.p50", "us", 5))
                .add(JmhJson.row(BURST, "thrpt", "ops/s", 1e6).param("impl", "mpsc"))
                .write(dir.resolve("run.json"));
    }
}
