package dev.loopbench.tools.results;

import java.util.Map;
import java.util.TreeMap;

/**
 * The names of the histogram files beside a run ({@code RUN-histograms/}): the benchmarks' profiler writes them
 * and the report reads them, both through this class, so the two cannot drift apart.
 */
public final class HistogramFileNames {

    /** One interval histogram per measurement iteration of every fork, in nanoseconds. */
    public static final String LOG_SUFFIX = ".hlog";
    /** The log's intervals pooled, as HdrHistogram's percentile distribution in microseconds. */
    public static final String POOLED_SUFFIX = ".hgrm";

    private HistogramFileNames() {
    }

    /**
     * {@code <SimpleClass>.<method>__<k1>=<v1>__<k2>=<v2>}, parameters in alphabetical order, without a suffix.
     *
     * @param benchmark the fully qualified benchmark, {@code package.Class.method}
     */
    public static String stem(String benchmark, Map<String, String> params) {
        String[] parts = benchmark.split("\\.");
        StringBuilder stem = new StringBuilder(parts.length < 2 ? benchmark : parts[parts.length - 2] + '.' + parts[parts.length - 1]);
        new TreeMap<>(params).forEach((key, value) -> stem.append("__").append(key).append('=').append(value));
        // a parameter value is free text; only these characters could break a file name
        return stem.toString().replaceAll("[/\\\\:*?\"<>|]", "_");
    }

    /** The interval log of a benchmark row. */
    public static String logFile(BenchmarkKey key) {
        return stem(key.benchmark(), key.params()) + LOG_SUFFIX;
    }
}
