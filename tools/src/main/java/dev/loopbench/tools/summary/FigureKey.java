package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;

/**
 * One figure of a run: a metric of a benchmark at one setting of its parameters other than {@code impl},
 * so that the implementations can be set side by side.
 *
 * @param benchmark the benchmark, mode and parameters without {@code impl}
 * @param metric    the metric's name, {@code score} for the primary metric
 */
public record FigureKey(BenchmarkKey benchmark, String metric) {

    /** {@code Class.method k=v metric (mode)}. */
    public String label() {
        String params = benchmark.params().isEmpty() ? "" : " " + BenchmarkKey.paramsLabel(benchmark.params());
        return benchmark.simpleName() + params + " " + metric + " (" + benchmark.mode() + ")";
    }
}
