package dev.loopbench.bench.profiler;

import dev.loopbench.loop.LoopCounters;
import dev.loopbench.tools.results.MetricNames;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.ScalarResult;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadMetricsTest {

    private static final long NOT_MEASURED = ThreadSample.NOT_MEASURED;
    private static final ThreadSample START = new ThreadSample(1_000_000, 0, 0, 10, 0, 0, 0);
    /** 1,000 operations in which the loop spent 550 ns, allocated 32 B and slept 0.002 times each. */
    private static final ThreadSample END = new ThreadSample(1_550_000, 0, 32_000, 12, 400_000, 64_000, 1_000_000);

    @Test
    void theLoopsOwnCostIsItsCpuPerOperationMinusTheCalibratedWork() {
        Map<String, Double> metrics = byName(ThreadMetrics.threads(START, END, 1_000, OptionalDouble.of(450)));

        assertEquals(550.0, metrics.get(MetricNames.CPU_LOOP_NANOS_PER_OP));
        assertEquals(450.0, metrics.get(MetricNames.CPU_TASK_WORK_NANOS_PER_OP));
        assertEquals(100.0, metrics.get(MetricNames.CPU_LOOP_OWN_NANOS_PER_OP));
        assertEquals(400.0, metrics.get(MetricNames.CPU_PRODUCERS_NANOS_PER_OP));
        assertEquals(0.55, metrics.get(MetricNames.CPU_LOOP_SHARE));
        assertEquals(32.0, metrics.get(MetricNames.ALLOC_LOOP_BYTES_PER_OP));
        assertEquals(64.0, metrics.get(MetricNames.ALLOC_PRODUCERS_BYTES_PER_OP));
        assertEquals(0.002, metrics.get(MetricNames.WAKEUPS_PER_OP));
    }

    @Test
    void aBareConsumersOwnCostLeavesOutTheEmptyPollsItTimedButItsCpuDoesNot() {
        ThreadSample end = new ThreadSample(1_550_000, 300_000, 32_000, 12, 400_000, 64_000, 1_000_000);
        Map<String, Double> metrics = byName(ThreadMetrics.threads(START, end, 1_000, OptionalDouble.of(200)));

        assertEquals(550.0, metrics.get(MetricNames.CPU_LOOP_NANOS_PER_OP));
        assertEquals(50.0, metrics.get(MetricNames.CPU_LOOP_OWN_NANOS_PER_OP));
    }

    @Test
    void withoutDeclaredWorkNeitherTheWorkNorTheOwnCostIsReported() {
        Map<String, Double> metrics = byName(ThreadMetrics.threads(START, END, 1_000, OptionalDouble.empty()));

        assertFalse(metrics.containsKey(MetricNames.CPU_TASK_WORK_NANOS_PER_OP));
        assertFalse(metrics.containsKey(MetricNames.CPU_LOOP_OWN_NANOS_PER_OP));
        assertEquals(550.0, metrics.get(MetricNames.CPU_LOOP_NANOS_PER_OP));
    }

    @Test
    void anUnknownLoopThreadOrWorkMakesTheOwnCostNotMeasured() {
        ThreadSample unknown = new ThreadSample(NOT_MEASURED, 0, NOT_MEASURED, NOT_MEASURED, 0, 0, 0);
        Map<String, Double> noThread = byName(ThreadMetrics.threads(unknown, unknown, 1_000, OptionalDouble.of(450)));
        assertTrue(Double.isNaN(noThread.get(MetricNames.CPU_LOOP_OWN_NANOS_PER_OP)));
        assertTrue(Double.isNaN(noThread.get(MetricNames.ALLOC_LOOP_BYTES_PER_OP)));
        assertTrue(Double.isNaN(noThread.get(MetricNames.WAKEUPS_PER_OP)));

        assertTrue(Double.isNaN(ThreadMetrics.ownNanosPerOp(550, Double.NaN)));
    }

    @Test
    void issuedWakeupsArePerOperationAndNotCountedWhereTheLoopCannotCount() {
        assertEquals(0.25, ThreadMetrics.wakeupsIssued(new LoopCounters(8_000, 250), 1_000).getScore());
        assertTrue(Double.isNaN(ThreadMetrics.wakeupsIssued(new LoopCounters(8_000, LoopCounters.NOT_COUNTED), 1_000)
                .getScore()));
        assertEquals(MetricNames.WAKEUPS_ISSUED_PER_OP,
                ThreadMetrics.wakeupsIssued(new LoopCounters(1, 1), 1).getLabel());
    }

    private static Map<String, Double> byName(List<ScalarResult> results) {
        return results.stream().collect(Collectors.toMap(ScalarResult::getLabel, ScalarResult::getScore));
    }
}
