package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.text.Numbers;
import org.apache.commons.statistics.descriptive.Median;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a row was still warming up while it was measured: per fork, how far the primary score of its first
 * measurement iteration lies from its last one, as a share of the last ({@code first / last - 1}), and the median
 * of that over the forks (a fork is one sample; the median keeps one fork's odd minute from naming a row). A
 * throughput still rising, or a latency still falling, through the measurement means the warm-up was too short and
 * the score averages a JVM that was not yet the one being measured. A pure function.
 */
public final class WarmupDrift {

    /** The drift, either way, beyond which a summary names the row. */
    public static final double NOTABLE = 0.02;

    private static final Median MEDIAN = Median.withDefaults();

    private WarmupDrift() {
    }

    /** The median over forks of {@code first / last - 1}; empty when no fork has two iterations with a finite, non-zero last. */
    public static OptionalDouble of(Metric metric) {
        double[] drifts = metric.rawData().stream()
                .filter(iterations -> iterations.size() >= 2)
                .mapToDouble(iterations -> iterations.get(0) / iterations.get(iterations.size() - 1) - 1)
                .filter(Double::isFinite)
                .toArray();
        return drifts.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(MEDIAN.evaluate(drifts));
    }

    /** A note for each row whose primary score drifted more than {@link #NOTABLE}, in the rows' order. */
    public static List<String> notes(List<BenchmarkResult> results) {
        List<String> notes = new ArrayList<>();
        for (BenchmarkResult row : results) {
            OptionalDouble drift = of(row.primaryMetric());
            if (drift.isPresent() && Math.abs(drift.getAsDouble()) > NOTABLE) {
                notes.add(row.key().label() + ": first measurement iteration "
                        + Numbers.signedPercent(100 * drift.getAsDouble()) + " from the last (median over "
                        + row.primaryMetric().rawData().size() + " fork(s)): still warming up or drifting;"
                        + " its warm-up may be too short");
            }
        }
        return notes;
    }
}
