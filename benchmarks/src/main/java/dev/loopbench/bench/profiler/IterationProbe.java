package dev.loopbench.bench.profiler;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * What a benchmark shows the {@link HdrHistogramProfiler}: the recorder its loop thread writes latencies into, and
 * the loop whose counters say how many wakeups it issued. The benchmark and the profiler run in the same JVM but
 * know nothing of each other, so they meet here.
 *
 * <h2>Thread contract</h2>
 * A benchmark calls {@link #watch} in its trial {@code @Setup} and {@link #trialEnded} in its trial
 * {@code @TearDown}; the profiler calls {@link #read} after every iteration, from JMH's own thread.
 *
 * <ol>
 *   <li>Every iteration is read, warmup included, so that a measurement iteration's histogram and counts hold
 *       that iteration's samples only.</li>
 *   <li>JMH runs the trial {@code @TearDown} before the profiler reads the last iteration, so {@link #trialEnded}
 *       only marks the source; the read after it is still served, and then the source is forgotten (with
 *       {@code -f 0} the next benchmark runs in the same JVM).</li>
 * </ol>
 */
public final class IterationProbe {

    /**
     * One iteration's data; any part may be absent.
     *
     * @param latencies the benchmark's headline latency histogram, reported as {@code hdr.*}
     * @param more      further histograms by name, reported as {@code hdr.<name>.*}: a second latency definition
     *                  ({@code fromExecute}) or the modes of a bimodal one ({@code awakeLoop}, {@code wokenLoop})
     * @param counters  the loop's counters since the previous reading
     * @param cpu       the CPU clocks now, or at the trial's end for the reading after it (the loop thread is gone
     *                  then); null without a loop
     * @param scalars   the benchmark's own figures of the iteration by metric name, e.g. {@code wokenLoop.share}
     */
    public record Reading(Histogram latencies, Map<String, Histogram> more, LoopCounters counters, CpuSample cpu,
                          Map<String, Scalar> scalars) {
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

    private static volatile Source source;

    private IterationProbe() {
    }

    /**
     * Starts showing {@code latencies} (nanoseconds, recorded by the loop thread only) and {@code loop}'s
     * counters to the profiler.
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
        source = new Source(latencies, Map.copyOf(more), Map.copyOf(scalars), loop);
    }

    /** Call before closing the loop: its thread's CPU clock is read here, while the thread is still alive. */
    public static void trialEnded() {
        Source current = source;
        if (current != null) {
            current.cpuAtEnd = current.cpuNow();
            current.ended = true;
        }
    }

    /** The watched loop's thread, if a loop is watched and its thread could be identified. */
    static OptionalLong loopThreadId() {
        Source current = source;
        return current == null || current.loopThreadId < 0 ? OptionalLong.empty() : OptionalLong.of(current.loopThreadId);
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
        private final EventLoop loop;
        /** The loop's thread, asked of the loop itself, or -1 without a loop. */
        private final long loopThreadId;
        /** Profiler thread only, after construction. */
        private LoopCounters lastCounters;
        private volatile CpuSample cpuAtEnd;
        private volatile boolean ended;

        Source(SingleWriterRecorder latencies, Map<String, SingleWriterRecorder> more, Map<String, PerIteration> scalars,
               EventLoop loop) {
            this.latencies = latencies;
            this.more = more;
            this.scalars = scalars;
            this.loop = loop;
            this.loopThreadId = loop == null ? -1 : BoundedWaits.await(loop.submit(() -> Thread.currentThread().getId()));
            this.lastCounters = loop == null ? null : loop.counters();
        }

        CpuSample cpuNow() {
            return CpuSample.take(loopThreadId < 0 ? OptionalLong.empty() : OptionalLong.of(loopThreadId));
        }

        Reading read() {
            Histogram interval = latencies == null ? null : latencies.getIntervalHistogram();
            LoopCounters since = null;
            if (loop != null) {
                LoopCounters now = loop.counters();
                since = now.since(lastCounters);
                lastCounters = now;
            }
            Map<String, Histogram> moreIntervals = new TreeMap<>();
            more.forEach((name, recorder) -> moreIntervals.put(name, recorder.getIntervalHistogram()));
            CpuSample cpu = loop == null ? null : ended ? cpuAtEnd : cpuNow();
            Map<String, Scalar> values = new TreeMap<>();
            scalars.forEach((name, scalar) -> values.put(name,
                    new Scalar(scalar.sincePreviousCall().getAsDouble(), scalar.unit())));
            return new Reading(interval, moreIntervals, since, cpu, values);
        }
    }
}
