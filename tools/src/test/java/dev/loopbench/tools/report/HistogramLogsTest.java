package dev.loopbench.tools.report;

import dev.loopbench.tools.HlogFixture;
import dev.loopbench.tools.results.BenchmarkKey;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramLogsTest {

    @TempDir
    Path dir;

    @Test
    void poolsEveryIntervalOfTheLog() throws Exception {
        Path log = HlogFixture.write(dir.resolve("a.hlog"), 1, 5_000);

        Histogram pooled = HistogramLogs.readPooled(log);

        assertEquals((long) HlogFixture.INTERVALS * HlogFixture.SAMPLES_PER_INTERVAL, pooled.getTotalCount());
        assertEquals(5_000, pooled.getValueAtPercentile(50), 500);
    }

    @Test
    void aCorruptLogIsAnIOExceptionNamingTheFile() throws Exception {
        Path log = Files.writeString(dir.resolve("bad.hlog"), "0.000,1.000,1.0,NOT-BASE64!!\n");

        IOException e = assertThrows(IOException.class, () -> HistogramLogs.readPooled(log));

        assertTrue(e.getMessage().contains("bad.hlog"), e.getMessage());
    }
}
