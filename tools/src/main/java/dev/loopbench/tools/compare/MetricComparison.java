package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.Direction;

/**
 * One metric of one benchmark row, present in both runs, and how it changed.
 *
 * @param key       the benchmark row
 * @param metric    the metric's name, {@code score} for the primary metric
 * @param unit      the metric's unit
 * @param direction which way the metric gets better
 * @param gated     whether a slower verdict fails the gate (a metric of {@link GatedMetrics}), or the metric is
 *                  only reported
 * @param thresholdPct the smallest change that counts for this metric of this benchmark, in percent
 * @param change    the change and its verdict
 */
public record MetricComparison(BenchmarkKey key, String metric, String unit, Direction direction, boolean gated,
                               double thresholdPct, Change change) {
}
