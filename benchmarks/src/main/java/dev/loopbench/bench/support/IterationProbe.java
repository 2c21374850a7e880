package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

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
     * @param latencies   the benchmark's headline latency histogram, reported as {@code hdr.*}
     * @param fromExecute a second definition some benchmarks also record, reported as {@code hdr.fromExecute.*}
     * @param counters    the loop's counters since the previous reading
     */
    public record Reading(Histogram latencies, Histogram fromExecute, LoopCounters counters) {
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
        watch(latencies, null, loop);
    }

    /**
     * As {@link #watch(SingleWriterRecorder, EventLoop)}, with a second latency definition recorded alongside.
     *
     * @param fromExecute the recorder of the latency from the {@code execute()} call (nanoseconds), or null
     */
    public static void watch(SingleWriterRecorder latencies, SingleWriterRecorder fromExecute, EventLoop loop) {
        source = new Source(latencies, fromExecute, loop);
    }

    public static void trialEnded() {
        Source current = source;
        if (current != null) {
            current.ended = true;
        }
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
        private final SingleWriterRecorder fromExecute;
        private final EventLoop loop;
        /** Profiler thread only, after construction. */
        private LoopCounters lastCounters;
        private volatile boolean ended;

        Source(SingleWriterRecorder latencies, SingleWriterRecorder fromExecute, EventLoop loop) {
            this.latencies = latencies;
            this.fromExecute = fromExecute;
            this.loop = loop;
            this.lastCounters = loop == null ? null : loop.counters();
        }

        Reading read() {
            Histogram interval = latencies == null ? null : latencies.getIntervalHistogram();
            LoopCounters since = null;
            if (loop != null) {
                LoopCounters now = loop.counters();
                since = now.since(lastCounters);
                lastCounters = now;
            }
            return new Reading(interval, fromExecute == null ? null : fromExecute.getIntervalHistogram(), since);
        }
    }
}
