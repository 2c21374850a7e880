package dev.loopbench.bench.profiler;

import dev.loopbench.tools.results.HistogramFileNames;
import dev.loopbench.tools.results.TimeUnits;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The histogram files of a run (see {@code docs/results-format.md}): per benchmark and parameter set, a
 * {@code .hlog} with one interval histogram per measurement iteration of every fork, in nanoseconds, and beside
 * it a {@code .hgrm} with the percentile distribution of all those samples pooled, in microseconds.
 *
 * <p>Forks are sequential JVMs, so each appends to the log, and only a new log gets the header. The pooled file is
 * rewritten from the whole log after every append, so after the last fork it holds the pooled percentiles of the
 * run. A directory reused by a second run would pool both: give every run its own directory.
 */
final class HistogramFiles {


    private HistogramFiles() {
    }

    static String stem(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return HistogramFileNames.stem(params.getBenchmark(), values);
    }


    /** Appends one measurement iteration's histogram and rewrites the pooled distribution. */
    static void append(Path directory, String stem, Histogram interval, String description) {
        try {
            Files.createDirectories(directory);
            Path log = directory.resolve(stem + HistogramFileNames.LOG_SUFFIX);
            boolean fresh = Files.notExists(log) || Files.size(log) == 0;
            try (PrintStream out = new PrintStream(new FileOutputStream(log.toFile(), true), false,
                    StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                if (fresh) {
                    writer.outputLogFormatVersion();
                    writer.outputComment(description);
                    writer.outputLegend();
                }
                writer.outputIntervalHistogram(interval);
            }
            writePooled(log, directory.resolve(stem + HistogramFileNames.POOLED_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the histograms of " + stem + " in " + directory, e);
        }
    }

    private static void writePooled(Path log, Path pooledFile) throws IOException {
        Histogram pooled = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            for (EncodableHistogram interval; (interval = reader.nextIntervalHistogram()) != null; ) {
                pooled.add((Histogram) interval);
            }
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(pooledFile), false, StandardCharsets.UTF_8)) {
            pooled.outputPercentileDistribution(out, TimeUnits.NANOS_PER_MICRO);
        }
    }
}
