package dev.loopbench.bench.support;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Every benchmark class extends this, and JMH reads these annotations through inheritance (as in
 * {@code JMHSample_24_Inheritance}): forks, iterations and JVM flags are set here once, from {@link RunDefaults}.
 * A benchmark class states only what is its own: mode, unit and parameters. The launcher's profiles override
 * these values from the command line.
 */
@Fork(value = RunDefaults.FORKS, jvmArgsAppend = {RunDefaults.HEAP_MIN, RunDefaults.HEAP_MAX, RunDefaults.GC})
@Warmup(iterations = RunDefaults.WARMUP_ITERATIONS, time = RunDefaults.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = RunDefaults.MEASUREMENT_ITERATIONS, time = RunDefaults.ITERATION_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
public abstract class BenchmarkDefaults {
}
