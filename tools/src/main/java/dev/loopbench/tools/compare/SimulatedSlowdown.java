package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.Run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run made worse on purpose: every gated metric's raw data moved by a factor in its worse direction (times up,
 * throughputs down). Comparing an A/A pair with its head slowed down this way measures the gate's power against
 * that scaling on the machine at hand: how often a change of that size in the gated figures is caught.
 *
 * <p>What it cannot show: whether a real slowdown of a loop moves the gated figures by that much. It scales
 * outputs, so a figure a slower loop would not move (a paced sender's constant rate) or moves less (a latency
 * that is mostly the sender's or the kernel's) is "slowed" all the same, and a zero allocation stays zero.
 * Injecting real work into the head's loop ({@code scripts/ab.sh --head-jvm-arg}) measures that.
 */
public final class SimulatedSlowdown {

    private SimulatedSlowdown() {
    }

    /** {@code run} with its gated metrics {@code percent} worse. */
    public static Run of(Run run, double percent) {
        double factor = 1 + percent / 100;
        List<BenchmarkResult> slowed = run.results().stream().map(result -> {
            Map<String, Metric> secondaries = new TreeMap<>(result.secondaryMetrics());
            Set<String> gated = GatedMetrics.of(result, Thresholds.uniform(RunComparator.DEFAULT_THRESHOLD_PCT))
                    .stream().map(GatedMetrics.Rule::metric).collect(Collectors.toSet());
            secondaries.replaceAll((name, metric) -> gated.contains(name) ? worse(metric, result.key().mode(), factor) : metric);
            return new BenchmarkResult(result.key(), result.primaryMetric(), new TreeMap<>(secondaries), result.jvm());
        }).toList();
        return new Run(run.source() + " (" + percent + "% slower, simulated)", slowed, run.metadata());
    }

    private static Metric worse(Metric metric, String mode, double factor) {
        double scale = Direction.of(mode, metric.unit()) == Direction.LOWER_IS_BETTER ? factor : 1 / factor;
        List<List<Double>> raw = metric.rawData().stream()
                .map(fork -> fork.stream().map(value -> value * scale).toList())
                .toList();
        return new Metric(metric.score() * scale, metric.scoreError() * scale, metric.unit(), raw);
    }
}
