package dev.loopbench.bench.support;

import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The one place that says how long and in what JVM a benchmark runs. Every benchmark class extends this, and JMH
 * reads these annotations through inheritance (as in {@code JMHSample_24_Inheritance}); the launcher's profiles
 * ({@code launcher.RunProfile}) reuse the constants on the command line, so the annotations, the profiles and a
 * bare {@code org.openjdk.jmh.Main} run all agree. A benchmark class states only what is its own: mode, unit and
 * parameters.
 */
@Fork(value = BenchmarkDefaults.FORKS,
        jvmArgsAppend = {BenchmarkDefaults.HEAP_MIN, BenchmarkDefaults.HEAP_MAX, BenchmarkDefaults.GC,
                BenchmarkDefaults.AGRONA_EXPORTS})
@Warmup(iterations = BenchmarkDefaults.WARMUP_ITERATIONS, time = BenchmarkDefaults.ITERATION_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = BenchmarkDefaults.MEASUREMENT_ITERATIONS, time = BenchmarkDefaults.ITERATION_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
public abstract class BenchmarkDefaults {

    /** Two forks at least: one JVM's JIT decisions are one sample, not a result. */
    public static final int FORKS = 2;
    public static final int WARMUP_ITERATIONS = 2;
    public static final int MEASUREMENT_ITERATIONS = 3;
    public static final int ITERATION_MILLIS = 1000;

    /** A fixed heap: no resizing during a measurement, and room for every window of tasks in flight. */
    public static final String HEAP_MIN = "-Xms1g";
    public static final String HEAP_MAX = "-Xmx1g";
    /**
     * Parallel GC has no concurrent GC threads. On two vCPUs G1's concurrent refinement and marking threads would
     * compete with the loop and the producer between pauses; parallel GC only stops the world when the young
     * generation fills, which a 1 GB heap makes rare within a 1 s iteration.
     */
    public static final String GC = "-XX:+UseParallelGC";

    /** Lets the {@code agrona} loop run: Agrona 2's array queues reach {@code jdk.internal.misc.Unsafe}. */
    public static final String AGRONA_EXPORTS = AgronaEventLoopProvider.JVM_FLAG;
}
