package dev.loopbench.tools.tune;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The settings no other setting beats on both latency and loop CPU at the same rate: the only ones worth
 * choosing, since for any other there is one at least as fast for no more CPU. Points that did not keep up with
 * the rate, or whose CPU was not measured, are left out.
 */
public final class ParetoFrontier {

    /** The p99 one-way latency, the figure a tuning run's frontier and recommendation rank by. */
    public static final ToDoubleFunction<TuningPoint> P99 = TuningPoint::p99Micros;
    public static final ToDoubleFunction<TuningPoint> P50 = TuningPoint::p50Micros;

    private ParetoFrontier() {
    }

    /** The frontier of {@code points} for {@code latency}, cheapest first (so latency descends along it). */
    public static List<TuningPoint> of(List<TuningPoint> points, ToDoubleFunction<TuningPoint> latency) {
        List<TuningPoint> comparable = points.stream().filter(TuningPoint::comparable).toList();
        return comparable.stream()
                .filter(point -> comparable.stream().noneMatch(other -> dominates(other, point, latency)))
                .sorted(Comparator.comparingDouble(TuningPoint::loopCpu).thenComparingDouble(latency))
                .toList();
    }

    /** {@code a} is no worse than {@code b} on both axes and better on one. */
    static boolean dominates(TuningPoint a, TuningPoint b, ToDoubleFunction<TuningPoint> latency) {
        double aLatency = latency.applyAsDouble(a);
        double bLatency = latency.applyAsDouble(b);
        return a.loopCpu() <= b.loopCpu() && aLatency <= bLatency
                && (a.loopCpu() < b.loopCpu() || aLatency < bLatency);
    }
}
