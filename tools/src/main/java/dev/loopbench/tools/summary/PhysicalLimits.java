package dev.loopbench.tools.summary;

import java.util.Map;
import java.util.Optional;

/**
 * Which limit benchmark a loop figure is read against, by the package that says what the figure measures
 * (see {@code docs/results-format.md}).
 */
public final class PhysicalLimits {

    private static final String BENCH = "dev.loopbench.bench.";

    /** Loop package to limit benchmark: the cache-line handoff, the futex wakeup and the queue's own ceiling. */
    private static final Map<String, String> LIMIT_BY_PACKAGE = Map.of(
            BENCH + "latency", BENCH + "limits.SpinPingPongLimit.roundTrip",
            BENCH + "wakeup", BENCH + "limits.ParkUnparkPingPongLimit.roundTrip",
            BENCH + "throughput", BENCH + "limits.MpscQueueLimit.offerPoll");

    private PhysicalLimits() {
    }

    /** The fully qualified limit benchmark for a loop benchmark in that package (or a subpackage of it). */
    public static Optional<String> limitFor(String packageName) {
        return LIMIT_BY_PACKAGE.entrySet().stream()
                .filter(e -> packageName.equals(e.getKey()) || packageName.startsWith(e.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
