package dev.loopbench.bench.profiler;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramFilesTest {

    @Test
    void eachForkAppendsAndThePooledFileCountsEverySample(@TempDir Path dir) throws IOException {
        HistogramFiles.append(dir, "A.b", histogramOf(1_000, 2_000), "first fork");
        HistogramFiles.append(dir, "A.b", histogramOf(3_000), "second fork");

        List<String> log = Files.readAllLines(dir.resolve("A.b.hlog"));
        assertEquals(1, log.stream().filter(line -> line.startsWith("#[Histogram log format version")).count());
        assertEquals(2, log.stream().filter(line -> !line.startsWith("#") && !line.startsWith("\"")).count());

        String pooled = Files.readString(dir.resolve("A.b.hgrm"));
        assertTrue(pooled.contains("Total count    =            3"), pooled);
        assertTrue(pooled.contains("Max     =        3.001"), pooled); // microseconds, within 3 digits
    }

    private static Histogram histogramOf(long... nanos) {
        Histogram histogram = new Histogram(3);
        for (long value : nanos) {
            histogram.recordValue(value);
        }
        return histogram;
    }
}
