package dev.loopbench.bench.profiler;

import dev.loopbench.loop.LoopCounters;
import dev.loopbench.tools.results.MetricNames;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One iteration's cost per operation, from two {@link ThreadSample}s, the loop's counters and the calibrated
 * work: the metrics the {@link HdrHistogramProfiler} adds beside every loop benchmark's figure. Each is NaN, "not
 * measured" (or "not counted"), where its source is unknown, never a number made up.
 */
final class ThreadMetrics {

    private static final String NANOS_PER_OP = "ns/op";
    private static final String BYTES_PER_OP = "B/op";
    private static final String WAKEUPS_PER_OP = "wakeups/op";

    private ThreadMetrics() {
    }

    /**
     * The threads' metrics from {@code start} to {@code end}.
     *
     * @param taskWorkNanosPerOp the calibrated CPU of an operation's fixed work on the loop thread, or empty for a
     *                           benchmark that declared none: then neither it nor the loop's own cost is reported
     */
    static List<ScalarResult> threads(ThreadSample start, ThreadSample end, long operations,
                                      OptionalDouble taskWorkNanosPerOp) {
        double loopCpu = end.loopCpuNanosPerOp(start, operations);
        List<ScalarResult> results = new ArrayList<>(List.of(
                average(MetricNames.CPU_LOOP_NANOS_PER_OP, loopCpu, NANOS_PER_OP),
                average(MetricNames.CPU_PRODUCERS_NANOS_PER_OP, end.producerCpuNanosPerOp(start, operations), NANOS_PER_OP),
                average(MetricNames.CPU_LOOP_SHARE, end.loopShare(start), "cpus"),
                average(MetricNames.ALLOC_LOOP_BYTES_PER_OP, end.loopBytesPerOp(start, operations), BYTES_PER_OP),
                average(MetricNames.ALLOC_PRODUCERS_BYTES_PER_OP, end.producerBytesPerOp(start, operations), BYTES_PER_OP),
                average(MetricNames.WAKEUPS_PER_OP, end.loopSwitchesPerOp(start, operations), WAKEUPS_PER_OP)));
        taskWorkNanosPerOp.ifPresent(work -> {
            results.add(average(MetricNames.CPU_TASK_WORK_NANOS_PER_OP, work, NANOS_PER_OP));
            results.add(average(MetricNames.CPU_LOOP_OWN_NANOS_PER_OP,
                    ownNanosPerOp(end.loopBusyCpuNanosPerOp(start, operations), work), NANOS_PER_OP));
        });
        return results;
    }

    /** {@code wakeups.issued.per.op}: the wakeups the loop says producers issued per operation; NaN if not counted. */
    static ScalarResult wakeupsIssued(LoopCounters since, long operations) {
        double perOp = since.countsWakeups() && operations > 0 ? (double) since.wakeupsIssued() / operations : Double.NaN;
        return average(MetricNames.WAKEUPS_ISSUED_PER_OP, perOp, WAKEUPS_PER_OP);
    }

    /**
     * The loop's own cost per operation: its thread's CPU (less the idle time a bare consumer timed itself, see
     * {@link ThreadSample#loopIdleCpuNanos()}) minus what the operation's fixed work costs on that thread. Both are
     * per operation of the same iteration, so the difference is what the loop's machinery (queue, task objects,
     * state checks, idle strategy) spent; NaN if either is unknown.
     */
    static double ownNanosPerOp(double loopBusyCpuNanosPerOp, double taskWorkNanosPerOp) {
        return loopBusyCpuNanosPerOp - taskWorkNanosPerOp;
    }

    private static ScalarResult average(String name, double value, String unit) {
        return new ScalarResult(name, value, unit, AggregationPolicy.AVG);
    }
}
