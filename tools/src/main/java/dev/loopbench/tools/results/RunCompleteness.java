package dev.loopbench.tools.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run lacks of what it should hold: benchmarks that have no row, metrics a row lacks, and the histogram
 * files of rows that report latency percentiles. A pure function of the run and the files beside it, so that CI's
 * smoke check and a person asking "did my run write everything?" get one answer.
 */
public final class RunCompleteness {

    private RunCompleteness() {
    }

    /** The benchmarks (fully qualified, as {@code java -jar benchmarks.jar -l} lists them) that have no row. */
    public static List<String> missingBenchmarks(Run run, Collection<String> expected) {
        Set<String> ran = new TreeSet<>();
        run.results().forEach(result -> ran.add(result.key().benchmark()));
        return expected.stream().filter(benchmark -> !ran.contains(benchmark)).sorted().toList();
    }

    /**
     * For each benchmark ({@code Class.method} or fully qualified) the metrics one of its rows lacks, one line
     * each; a benchmark with no row at all is a line too.
     */
    public static List<String> missingMetrics(Run run, Map<String, List<String>> metricsByBenchmark) {
        List<String> missing = new ArrayList<>();
        metricsByBenchmark.forEach((benchmark, metrics) -> {
            List<BenchmarkResult> rows = run.results().stream()
                    .filter(result -> result.key().benchmark().equals(benchmark)
                            || result.key().simpleName().equals(benchmark))
                    .toList();
            if (rows.isEmpty()) {
                missing.add(benchmark + ": no row");
            }
            for (BenchmarkResult row : rows) {
                for (String metric : metrics) {
                    if (row.metric(metric).isEmpty()) {
                        missing.add(row.key().label() + ": no " + metric);
                    }
                }
            }
        });
        return missing;
    }

    /** The histogram files ({@code .hlog} and {@code .hgrm}) missing from {@code directory} for rows with hdr latencies. */
    public static List<String> missingHistograms(Run run, Path directory) {
        List<String> missing = new ArrayList<>();
        for (BenchmarkResult row : run.results()) {
            boolean recordsLatencies = row.metricNames().stream()
                    .anyMatch(name -> MetricNames.isHdrLatency(name, row.metric(name).orElseThrow().unit()));
            if (!recordsLatencies) {
                continue;
            }
            String stem = HistogramFileNames.stem(row.key().benchmark(), row.key().params());
            for (String suffix : List.of(HistogramFileNames.LOG_SUFFIX, HistogramFileNames.POOLED_SUFFIX)) {
                if (!Files.isRegularFile(directory.resolve(stem + suffix))) {
                    missing.add(row.key().label() + ": no " + directory.resolve(stem + suffix));
                }
            }
        }
        return missing;
    }
}
