package dev.loopbench.tools.results;

import java.util.List;
import java.util.Objects;

/**
 * One metric of one JMH result row: the pooled score JMH reports, and the per-fork raw data behind it.
 *
 * <p>Comparisons read {@link #forkScores()}, not {@link #scoreError()}: forks are the independent
 * samples of a JMH run, while iterations inside a fork share its JIT decisions and memory layout.
 *
 * @param score      JMH's pooled score; NaN when JMH wrote {@code "NaN"}
 * @param scoreError half-width of JMH's 99.9% interval over all iterations; NaN with a single iteration
 * @param unit       JMH's unit label, e.g. {@code us/op}, {@code ops/us}, {@code us}
 * @param rawData    per fork, the score of each measurement iteration
 */
public record Metric(double score, double scoreError, String unit, List<List<Double>> rawData) {

    public Metric {
        Objects.requireNonNull(unit, "unit");
        rawData = rawData.stream().map(List::copyOf).toList();
    }

    /** Each fork's score, the mean of its iterations; a fork without iterations is left out. */
    public double[] forkScores() {
        return rawData.stream()
                .filter(iterations -> !iterations.isEmpty())
                .mapToDouble(iterations -> iterations.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toArray();
    }
}
