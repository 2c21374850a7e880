package dev.loopbench.tools;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes HdrHistogram logs as the benchmarks' profiler does: one interval per iteration, values in nanoseconds. */
public final class HlogFixture {

    public static final int INTERVALS = 6;
    public static final int SAMPLES_PER_INTERVAL = 2_000;

    private HlogFixture() {
    }

    /** Log-normal latencies around {@code medianNanos}, with a long tail like a descheduled vCPU's. */
    public static Path write(Path file, long seed, double medianNanos) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(file.getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (int interval = 0; interval < INTERVALS; interval++) {
                Histogram histogram = new Histogram(3);
                for (int i = 0; i < SAMPLES_PER_INTERVAL; i++) {
                    histogram.recordValue(Math.round(medianNanos * Math.exp(0.8 * random.nextGaussian())));
                }
                histogram.setStartTimeStamp(interval * 1_000L);
                histogram.setEndTimeStamp(interval * 1_000L + 1_000L);
                writer.outputIntervalHistogram(histogram);
            }
        }
        return file;
    }
}
