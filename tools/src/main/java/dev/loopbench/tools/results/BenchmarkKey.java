package dev.loopbench.tools.results;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies a JMH result row across runs: benchmark method, mode and parameter values.
 *
 * @param benchmark fully qualified benchmark method, e.g. {@code dev.loopbench.bench.latency.RoundTripLatency.submitJoin}
 * @param mode      JMH's short mode label: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params    parameter values by name
 */
public record BenchmarkKey(String benchmark, String mode, SortedMap<String, String> params) {

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** {@code Class.method}, the part of the name that tables have room for. */
    public String simpleName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** The benchmark's package, which says what is measured ({@code latency}, {@code limits}, ...). */
    public String packageName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return type > 0 ? benchmark.substring(0, type) : "";
    }

    /** {@code Class.method k1=v1 k2=v2 (mode)}. */
    public String label() {
        return simpleName() + (params.isEmpty() ? "" : " " + paramsLabel(params)) + " (" + mode + ")";
    }

    /**
     * {@code k1=v1 k2=v2}, or {@code -} when there are none. A parameter with an empty value is left out: it
     * means "the defaults" ({@code loopOptions}), and {@code loopOptions=} on every row would only be noise.
     */
    public static String paramsLabel(SortedMap<String, String> params) {
        String label = params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return label.isEmpty() ? "-" : label;
    }
}
