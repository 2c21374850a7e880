package dev.loopbench.bench.support;

/**
 * The one place that says how long and in what JVM a benchmark runs. {@link BenchmarkDefaults} puts the quick
 * profile's values into every benchmark's annotations, and {@link RunProfile} reuses them on the command line,
 * so the annotations, the profiles and a bare {@code org.openjdk.jmh.Main} run all agree.
 */
public final class RunDefaults {

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

    /** The JVM flags of every fork, as one {@code -jvmArgsAppend} value. */
    public static final String JVM_ARGS = HEAP_MIN + " " + HEAP_MAX + " " + GC;

    private RunDefaults() {
    }
}
