package dev.loopbench.bench.profiler;

import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.TaskWork;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * What a benchmark shows the {@link HdrHistogramProfiler}: the recorder its loop thread writes latencies into, the
 * loop whose counters say how many wakeups it issued, the loop's thread, whose CPU, allocation and context switches
 * the profiler samples, and the fixed work per operation ({@link TaskWork}) that the profiler subtracts from the
 * loop's CPU to report the loop's own cost. The benchmark and the profiler run in the same JVM but know nothing of
 * each other, so they meet here.
 *
 * <h2>Thread contract</h2>
 * A benchmark calls one {@code watch} method in its trial {@code @Setup} and {@link #trialEnded} in its trial
 * {@code @TearDown}; the profiler calls {@link #read} after every iteration, from JMH's own thread.
 *
 * <ol>
 *   <li>Every iteration is read, warmup included, so that a measurement iteration's histogram and counts hold
 *       that iteration's samples only.</li>
 *   <li>JMH runs the trial {@code @TearDown} before the profiler reads the last iteration, so {@link #trialEnded}
 *       samples the threads and calibrates the work while the loop still runs; the read after it is served those,
 *       and then the source is forgotten (with {@code -f 0} the next benchmark runs in the same JVM).</li>
 * </ol>
 *
 * <h2>Why the work is calibrated after each iteration, on the loop's thread</h2>
 * The calibration ({@link TaskWork#cpuNanosPerOperation()}) runs as one task on the loop, right after the
 * iteration's threads were sampled and before the next iteration's first sample, so it costs the measurement
 * nothing, and it times the very code the tasks run ({@link TaskWork#burn()}), compiled by the same JIT, on the same
 * thread and CPU, by the same clock as the loop's CPU. Timing the work inside the iteration would add clock reads
 * to the figure; timing it on JMH's own thread would time another thread's compilation and placement. What it
 * cannot see is contention that only the iteration has: the producer on the sibling vCPU may slow the task's work
 * during the iteration, and that shows as the loop's own cost.
 */
public final class IterationProbe {

    /**
     * One iteration's data; any part may be absent.
     *
     * @param latencies the benchmark's headline latency histogram, reported as {@code hdr.*}
     * @param more      further histograms by name, reported as {@code hdr.<name>.*}: a second latency definition
     *                  ({@code fromExecute}) or the modes of a bimodal one ({@code awakeLoop}, {@code wokenLoop})
     * @param counters  the loop's counters since the previous reading, or null without a loop
     * @param threads   the threads' counters now, or at the trial's end for the reading after it (the loop thread
     *                  is gone then); null without a loop thread
     * @param taskWorkNanosPerOp the CPU time of an operation's fixed work on the loop thread, calibrated after this
     *                  iteration (NaN where the JVM cannot tell); empty for a benchmark that declared no work
     * @param scalars   the benchmark's own figures of the iteration by metric name, e.g. {@code wokenLoop.share}
     */
    public record Reading(Histogram latencies, Map<String, Histogram> more, LoopCounters counters, ThreadSample threads,
                          OptionalDouble taskWorkNanosPerOp, Map<String, Scalar> scalars) {
    }

    /** A figure a benchmark computes itself: a value for one iteration, in its unit. */
    public record Scalar(double value, String unit) {
    }

    /**
     * How a benchmark computes a figure of its own per iteration: called once after every iteration (warmup
     * included), from JMH's thread, and returns the value since the previous call.
     */
    public record PerIteration(String unit, DoubleSupplier sincePreviousCall) {
    }

    /** A loop's idle time is part of its own cost: it does not time it apart. */
    private static final LongSupplier NO_IDLE_TIMED = () -> 0;

    private static volatile Source source;

    private IterationProbe() {
    }

    /**
     * Starts showing {@code latencies} (nanoseconds, recorded by the loop thread only) and {@code loop}'s
     * counters and thread to the profiler.
     *
     * @param latencies the recorder, or null for a benchmark that records none
     * @param loop the loop whose wakeups to count, or null
     */
    public static void watch(SingleWriterRecorder latencies, EventLoop loop) {
        watch(latencies, Map.of(), loop);
    }

    /**
     * As {@link #watch(SingleWriterRecorder, EventLoop)}, with further histograms recorded alongside.
     *
     * @param more recorders (nanoseconds, one writer each) by the name their metrics carry: {@code hdr.<name>.p50}
     */
    public static void watch(SingleWriterRecorder latencies, Map<String, SingleWriterRecorder> more, EventLoop loop) {
        watch(latencies, more, Map.of(), loop);
    }

    /**
     * As {@link #watch(SingleWriterRecorder, Map, EventLoop)}, with figures the benchmark computes itself.
     *
     * @param scalars figures by the metric name they are reported under
     */
    public static void watch(SingleWriterRecorder latencies, Map<String, SingleWriterRecorder> more,
                             Map<String, PerIteration> scalars, EventLoop loop) {
        source = new Source(latencies, Map.copyOf(more), Map.copyOf(scalars), loop, loop,
                loop == null ? null : LoopThread.of(loop), null, NO_IDLE_TIMED);
    }

    /**
     * Starts showing a saturated loop: its counters, its thread (already identified), and the fixed work each
     * operation runs on it, which is calibrated after every iteration.
     *
     * @param work the work per operation, {@link TaskWork#NONE} for none
     */
    public static void watch(EventLoop loop, LoopThread thread, TaskWork work) {
        source = new Source(null, Map.of(), Map.of(), loop, loop, thread, work, NO_IDLE_TIMED);
    }

    /**
     * Starts showing a thread that is not a loop's (a bare queue's consumer): no counters, but its CPU, allocation
     * and context switches, and {@code work} calibrated on it.
     *
     * @param consumer runs what it is given on the consumer thread
     * @param idleCpuNanos the consumer's CPU time so far spent polling an empty queue, as it timed it itself: left
     *                     out of its own cost, which is then the floor of a loop's (a floor has no idle cost)
     */
    public static void watchConsumer(Executor consumer, TaskWork work, LongSupplier idleCpuNanos) {
        source = new Source(null, Map.of(), Map.of(), null, consumer, LoopThread.of(consumer), work, idleCpuNanos);
    }

    /** Call before closing the loop: its thread is sampled and the work calibrated here, while the loop still runs. */
    public static void trialEnded() {
        Source current = source;
        if (current != null) {
            current.threadsAtEnd = current.threadsNow();
            current.taskWorkAtEnd = current.calibrate();
            current.ended = true;
        }
    }

    /** The watched loop's thread, or null if no loop is watched. */
    static LoopThread loopThread() {
        Source current = source;
        return current == null ? null : current.thread;
    }

    /** The watched threads' counters now ({@link ThreadSample#take}); the loop's not measured if none is watched. */
    static ThreadSample threadsNow() {
        Source current = source;
        return current == null ? ThreadSample.take(null, NO_IDLE_TIMED) : current.threadsNow();
    }

    /** The data since the previous read, or null when no benchmark is watched. */
    static Reading read() {
        Source current = source;
        if (current == null) {
            return null;
        }
        if (current.ended) {
            source = null;
        }
        return current.read();
    }

    private static final class Source {

        private final SingleWriterRecorder latencies;
        private final Map<String, SingleWriterRecorder> more;
        private final Map<String, PerIteration> scalars;
        /** The loop whose counters to read, or null. */
        private final EventLoop counted;
        /** Runs a task on {@link #thread}, or null. */
        private final Executor onThread;
        private final LoopThread thread;
        /** Null for a benchmark that declared no work: it is then not calibrated. */
        private final TaskWork work;
        private final LongSupplier idleCpuNanos;
        /** Profiler thread only, after construction. */
        private LoopCounters lastCounters;
        private volatile ThreadSample threadsAtEnd;
        private volatile OptionalDouble taskWorkAtEnd;
        private volatile boolean ended;

        Source(SingleWriterRecorder latencies, Map<String, SingleWriterRecorder> more, Map<String, PerIteration> scalars,
               EventLoop counted, Executor onThread, LoopThread thread, TaskWork work, LongSupplier idleCpuNanos) {
            this.latencies = latencies;
            this.more = more;
            this.scalars = scalars;
            this.counted = counted;
            this.onThread = onThread;
            this.thread = thread;
            this.work = work;
            this.idleCpuNanos = idleCpuNanos;
            this.lastCounters = counted == null ? null : counted.counters();
        }

        ThreadSample threadsNow() {
            return ThreadSample.take(thread, idleCpuNanos);
        }

        /** After the threads were sampled: the work's CPU per operation, timed on the loop thread. */
        OptionalDouble calibrate() {
            return work == null || onThread == null ? OptionalDouble.empty()
                    : OptionalDouble.of(LoopThread.callOn(onThread, work::cpuNanosPerOperation));
        }

        Reading read() {
            Histogram interval = latencies == null ? null : latencies.getIntervalHistogram();
            LoopCounters since = null;
            if (counted != null) {
                LoopCounters now = counted.counters();
                since = now.since(lastCounters);
                lastCounters = now;
            }
            Map<String, Histogram> moreIntervals = new TreeMap<>();
            more.forEach((name, recorder) -> moreIntervals.put(name, recorder.getIntervalHistogram()));
            Map<String, Scalar> values = new TreeMap<>();
            scalars.forEach((name, scalar) -> values.put(name,
                    new Scalar(scalar.sincePreviousCall().getAsDouble(), scalar.unit())));
            if (ended) {
                return new Reading(interval, moreIntervals, since, thread == null ? null : threadsAtEnd, taskWorkAtEnd,
                        values);
            }
            ThreadSample threads = thread == null ? null : threadsNow();
            return new Reading(interval, moreIntervals, since, threads, calibrate(), values);
        }
    }
}
