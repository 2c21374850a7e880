package dev.loopbench.tools.cli;

import dev.loopbench.tools.HlogFixture;
import dev.loopbench.tools.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {

    private static final String LATENCY = "dev.loopbench.bench.wakeup.WakeupLatency.roundTripAfterGap";
    private static final String SPIN_LIMIT = "dev.loopbench.bench.limits.SpinPingPongLimit.roundTrip";
    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)");

    @TempDir
    Path dir;

    @Test
    void writesMarkdownAndNonEmptyPngsForEveryChart() throws Exception {
        Path json = run();
        HlogFixture.write(dir.resolve("run-histograms/WakeupLatency.roundTripAfterGap__idleGapMicros=0__impl=mpsc.hlog"), 1, 2_000);
        HlogFixture.write(dir.resolve("run-histograms/WakeupLatency.roundTripAfterGap__idleGapMicros=0__impl=locked.hlog"), 2, 3_500);

        Cli cli = Cli.run("report", json.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        Path out = dir.resolve("run-report");
        String markdown = Files.readString(out.resolve("report.md"));
        List<String> images = images(markdown);
        assertTrue(images.stream().anyMatch(name -> name.startsWith("latency-")), images.toString());
        assertTrue(images.contains("limit-ratios.png"), images.toString());
        assertTrue(images.stream().filter(name -> name.startsWith("figure-")).count() >= 3, images.toString());
        for (String image : images) {
            Path png = out.resolve(image);
            assertTrue(Files.size(png) > 1_000, image);
            BufferedImage decoded = ImageIO.read(png.toFile());
            assertNotNull(decoded, image);
            assertTrue(decoded.getWidth() > 0 && decoded.getHeight() > 0, image);
        }
        assertTrue(markdown.contains("| WakeupLatency.roundTripAfterGap idleGapMicros=0 score (avgt) | mpsc |"), markdown);
    }

    @Test
    void aMissingHistogramsDirectorySkipsTheDistributionWithANote() throws Exception {
        Path json = run();
        Path out = dir.resolve("elsewhere");

        Cli cli = Cli.run("report", json.toString(), "--out", out.toString());

        assertEquals(0, cli.exitCode(), cli.err());
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("run-histograms does not exist"), markdown);
        assertFalse(images(markdown).stream().anyMatch(name -> name.startsWith("latency-")), markdown);
        assertTrue(Files.size(out.resolve("limit-ratios.png")) > 1_000);
    }

    @Test
    void aMissingRunIsBadInput() {
        Cli cli = Cli.run("report", dir.resolve("absent.json").toString());

        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("absent.json") && cli.err().contains("no such file"), cli.err());
    }

    private Path run() throws IOException {
        return new JmhJson(5)
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 2.0).param("impl", "mpsc").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 2).secondary("hdr.p99", "us", 9))
                .add(JmhJson.row(LATENCY, "avgt", "us/op", 3.5).param("impl", "locked").param("idleGapMicros", "0")
                        .secondary("hdr.p50", "us", 3).secondary("hdr.p99", "us", 14))
                .add(JmhJson.row(SPIN_LIMIT, "avgt", "ns/op", 450))
                .write(dir.resolve("run.json"));
    }

    private static List<String> images(String markdown) {
        Matcher matcher = IMAGE.matcher(markdown);
        List<String> images = new ArrayList<>();
        while (matcher.find()) {
            images.add(matcher.group(1));
        }
        return images;
    }
}
