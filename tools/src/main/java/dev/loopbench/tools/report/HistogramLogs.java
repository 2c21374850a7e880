package dev.loopbench.tools.report;

import dev.loopbench.tools.results.BenchmarkKey;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The {@code .hlog} files the benchmarks' {@code HdrHistogramProfiler} writes into {@code RUN-histograms/}:
 * where each benchmark row's file is, and its samples pooled into one histogram.
 */
final class HistogramLogs {

    private static final int SIGNIFICANT_DIGITS = 3;

    private HistogramLogs() {
    }

    /**
     * All interval histograms of the log added together: the pooled samples of every iteration and fork, whose
     * percentiles are the true percentiles of the run (an average of per-iteration p99s is not a p99).
     */
    static Histogram readPooled(Path log) throws IOException {
        Histogram pooled = new Histogram(SIGNIFICANT_DIGITS);
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null;
                 interval = reader.nextIntervalHistogram()) {
                if (!(interval instanceof AbstractHistogram histogram)) {
                    throw new IOException(log + ": holds a " + interval.getClass().getSimpleName()
                            + "; expected integer nanosecond histograms");
                }
                pooled.add(histogram);
            }
        } catch (RuntimeException e) {
            // HistogramLogReader reports a corrupt line or payload as an unchecked exception.
            throw new IOException(log + ": is not a readable HdrHistogram log: " + e.getMessage(), e);
        }
        return pooled;
    }
}
