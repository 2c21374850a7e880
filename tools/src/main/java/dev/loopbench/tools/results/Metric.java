package dev.loopbench.tools.results;

import org.apache.commons.statistics.descriptive.Median;

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

    private static final Median MEDIAN = Median.withDefaults();

    public Metric {
        Objects.requireNonNull(unit, "unit");
        rawData = rawData.stream().map(List::copyOf).toList();
    }

    /**
     * Each fork's score, the median of its iterations; a fork without iterations is left out. The median, not the
     * mean, because one iteration hit by a descheduled vCPU moves a fork's mean far more than its median: in an
     * A/A run on the 2-vCPU machine the median halved to quartered the spread of paired fork ratios for the
     * throughput and tail-latency rows (docs/statistics.md).
     */
    public double[] forkScores() {
        return rawData.stream()
                .filter(iterations -> !iterations.isEmpty())
                .mapToDouble(iterations -> MEDIAN.evaluate(iterations.stream().mapToDouble(Double::doubleValue).toArray()))
                .toArray();
    }
}
