package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhysicalLimitsTest {

    private static final String ONE_WAY = "dev.loopbench.bench.latency.OneWayLatency.fixedRate";
    private static final Optional<String> SPIN_ONE_WAY = Optional.of("dev.loopbench.bench.limits.SpinOneWayLimit.roundTrip");

    @Test
    void aOneWayFigureOfALoopThatNeverSleepsIsReadAgainstTheSpinHandOff() {
        assertEquals(SPIN_ONE_WAY, PhysicalLimits.limitFor(oneWay("mpsc", "idle=spin;queue=xadd")));
        assertEquals(SPIN_ONE_WAY, PhysicalLimits.limitFor(oneWay("agrona", "idle=noop")));
        assertEquals(SPIN_ONE_WAY, PhysicalLimits.limitFor(oneWay("disruptor", "waitStrategy=busy-spin")));
    }

    @Test
    void aOneWayFigureOfALoopThatSleepsBetweenSendsHasNoLimit() {
        assertEquals(Optional.empty(), PhysicalLimits.limitFor(oneWay("mpsc", "")));
        assertEquals(Optional.empty(), PhysicalLimits.limitFor(oneWay("mpsc", "idle=spin-park;spinIterations=10000")));
        assertEquals(Optional.empty(), PhysicalLimits.limitFor(oneWay("disruptor", "waitStrategy=blocking")));
    }

    private static BenchmarkKey oneWay(String impl, String loopOptions) {
        return new BenchmarkKey(ONE_WAY, "thrpt",
                new TreeMap<>(Map.of("impl", impl, "loopOptions", loopOptions, "sendsPerSecond", "5000")));
    }
}
