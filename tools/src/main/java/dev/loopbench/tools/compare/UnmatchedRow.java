package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;

import java.util.List;

/**
 * Metrics of a benchmark row that only one of the two runs has: either the whole row, or some of its metrics.
 *
 * @param key     the benchmark row
 * @param metrics the names of the metrics that have no counterpart
 */
public record UnmatchedRow(BenchmarkKey key, List<String> metrics) {

    public UnmatchedRow {
        metrics = List.copyOf(metrics);
    }
}
