package dev.loopbench.bench.launcher;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.bench.throughput.ChainThroughput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named runs of the suite, as JMH arguments that the user's own arguments override
 * ({@link JmhArguments#overriddenBy}). Forks, iterations and JVM flags come from {@link BenchmarkDefaults}.
 *
 * <p>{@code quick} and {@code full} leave the number of warm-up iterations to each benchmark's {@code @Warmup}
 * (JMH's {@code -wi} would override every one of them): {@code ChainThroughput} and {@code OffloadThroughput} warm
 * for {@value ChainThroughput#WARMUP_ITERATIONS} iterations, because their first measurement iterations were still
 * warming after the default {@value BenchmarkDefaults#WARMUP_ITERATIONS}.
 *
 * <p>Predicted durations count forks × (warmup + measurement iterations) per parameter set and mode, plus about
 * 1 s per fork for starting the JVM, building the loop and tearing it down (measured with the smoke profile on the
 * 2-vCPU machine); the numbers of runs are those of the nine registered loops.
 */
public enum RunProfile {

    /**
     * Every benchmark method once, on one implementation, with tiny iterations: proves in CI that the jar runs end
     * to end and that the JSON carries the percentiles. 20 runs (two benchmarks have two modes), 1 fork each;
     * measured at 36 s on the 2-vCPU machine.
     */
    SMOKE("every benchmark once on mpsc, tiny iterations; proves the jar works, measures nothing (under a minute interleaved)",
            List.of(Includes.EVERY_BENCHMARK,
                    "-f", "1",
                    "-wi", "1", "-w", "100ms",
                    "-i", "1", "-r", "200ms",
                    "-foe", "true",
                    "-p", "impl=mpsc",
                    "-p", "idleGapMicros=1000",
                    "-p", "depth=4")),

    /**
     * The headline figures for every implementation: round trip (average and sample), one-way latency at a fixed
     * rate, wakeup latency after gaps of 0 and 1000 us, chain depth 4, offload round trip, 1-producer burst, and
     * the limits they are read against. With the nine registered loops: 78 runs × 2 forks, 18 minutes
     * interleaved on the 2-vCPU machine with 2 s of warm-up everywhere; the 18 chain and offload runs' 4 s more
     * of warm-up per fork add about 2.5 minutes (estimated, not measured).
     */
    QUICK("the headline figures for every loop, 2 forks: latency, wakeup, chain depth 4, offload, "
            + "1-producer burst, limits (about 21 min interleaved)",
            List.of("\\.latency\\.RoundTripLatency\\.",
                    "\\.latency\\.OneWayLatency\\.",
                    "\\.wakeup\\.WakeupLatency\\.",
                    "\\.throughput\\.ChainThroughput\\.",
                    "\\.throughput\\.OffloadThroughput\\.",
                    "\\.throughput\\.BurstThroughput\\.from1Producer$",
                    "\\.limits\\.(SpinPingPong|ParkUnparkPingPong|SpinOneWay|UnparkAfterGap)Limit\\.",
                    "\\.limits\\.MpscQueueLimit\\.from1Producer$",
                    "-f", Integer.toString(BenchmarkDefaults.FORKS),
                    "-w", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-i", Integer.toString(BenchmarkDefaults.MEASUREMENT_ITERATIONS),
                    "-r", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-p", "idleGapMicros=0,1000",
                    "-p", "depth=4")),

    /**
     * Everything, every parameter value, one-way latency also under a ten times heavier load, with enough forks to
     * compare two runs by their per-fork scores: 5 forks × ((2 + 5) s + about 1 s) per run, and 4 s more of warm-up
     * per fork for the 36 chain and offload runs: roughly 2.5 hours with the nine registered loops (estimated from
     * the quick profile's fork time, not measured).
     */
    FULL("everything, every parameter, 5 forks × (2 warmup, 6 for chain and offload, + 5 measurement) s, for "
            + "comparing runs (roughly 2.5 h)",
            List.of(Includes.EVERY_BENCHMARK,
                    "-f", "5",
                    "-w", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-i", "5", "-r", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-p", "sendsPerSecond=5000,50000")),

    /**
     * The CI gate's headline figures, for A/B rounds ({@code scripts/ab.sh}): round trip, one-way latency at a fixed
     * rate, the awake round trip (gap 0, which the gate judges) and the wakeup after a 1 ms gap, 1-producer burst
     * and chain depth 4, on the contender and the reference loop.
     * A fork is short (8 + 5 iterations of 0.5 s, about 8 s with its two JVM starts) because the gate gains more
     * from rounds than from long forks, yet no shorter: in an A/A run here, forks of half the measurement iterations
     * spread paired ratios 1.3 to 2.5 times wider, and 1 s of warm-up left chain still warming while measured (it
     * levelled off by the fourth second in a check). The warm-up is given here, not left to the benchmarks'
     * {@code @Warmup}, so that base and head forks warm alike whatever their annotations say. 7 variants x 2 loops
     * x 2 sides: about 3.5 minutes a round (estimated, not measured).
     */
    GATE("the CI gate's headline figures on mpsc and netty, short forks, for A/B rounds (scripts/ab.sh)",
            List.of("\\.latency\\.RoundTripLatency\\.",
                    "\\.latency\\.OneWayLatency\\.",
                    "\\.wakeup\\.WakeupLatency\\.",
                    "\\.throughput\\.ChainThroughput\\.",
                    "\\.throughput\\.BurstThroughput\\.from1Producer$",
                    "-f", "1",
                    "-wi", "8", "-w", "500ms",
                    "-i", "5", "-r", "500ms",
                    "-p", "impl=mpsc,netty",
                    "-p", "idleGapMicros=0,1000",
                    "-p", "depth=4"));

    /** The profile of a plain {@code java -jar benchmarks.jar}. */
    public static final RunProfile DEFAULT = QUICK;

    private final String summary;
    private final List<String> ownArguments;

    RunProfile(String summary, List<String> ownArguments) {
        this.summary = summary;
        this.ownArguments = ownArguments;
    }

    /** The profile's name on the command line: {@code smoke}, {@code quick}, {@code full}. */
    public String alias() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /**
     * The JMH arguments of this profile: its own, plus the HdrHistogram profiler, without which the one-way latency
     * percentiles would be missing. The forks' JVM flags are not among them: {@link BenchmarkDefaults}' {@code @Fork}
     * gives them, and JMH appends a command line's {@code -jvmArgsAppend} to the annotation's rather than replacing
     * it, so repeating them here started every fork with each flag twice.
     */
    public List<String> jmhArguments() {
        List<String> arguments = new ArrayList<>(ownArguments);
        arguments.addAll(List.of("-prof", HdrHistogramProfiler.class.getName()));
        return arguments;
    }

    /** Benchmark regexps; in a nested class because enum constants cannot use the enum's own later fields. */
    private static final class Includes {
        static final String EVERY_BENCHMARK = "^dev\\.loopbench\\.bench\\.";
    }

    /** @throws IllegalArgumentException naming the valid profiles */
    public static RunProfile forAlias(String alias) {
        return Arrays.stream(values())
                .filter(profile -> profile.alias().equals(alias))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + alias + "'; valid profiles are "
                        + aliases()));
    }

    /** Every profile's alias, comma separated, for usage and error texts. */
    public static String aliases() {
        return Arrays.stream(values()).map(RunProfile::alias).collect(Collectors.joining(", "));
    }
}
