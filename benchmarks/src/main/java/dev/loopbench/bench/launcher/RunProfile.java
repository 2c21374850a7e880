package dev.loopbench.bench.launcher;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named runs of the suite, as JMH arguments that the user's own arguments override
 * ({@link JmhArguments#overriddenBy}). Forks, iterations and JVM flags come from {@link BenchmarkDefaults}.
 *
 * <p>Predicted durations count forks × (warmup + measurement iterations) per parameter set and mode, plus about
 * 1 s per fork for starting the JVM, building the loop and tearing it down (measured with the smoke profile on the
 * 2-vCPU machine); the numbers of runs are those of the five registered loops.
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
     * interleaved on the 2-vCPU machine.
     */
    QUICK("the headline figures for every loop, 2 forks: latency, wakeup, chain depth 4, offload, "
            + "1-producer burst, limits (about 18 min interleaved)",
            List.of("\\.latency\\.RoundTripLatency\\.",
                    "\\.latency\\.OneWayLatency\\.",
                    "\\.wakeup\\.WakeupLatency\\.",
                    "\\.throughput\\.ChainThroughput\\.",
                    "\\.throughput\\.OffloadThroughput\\.",
                    "\\.throughput\\.BurstThroughput\\.from1Producer$",
                    "\\.limits\\.(SpinPingPong|ParkUnparkPingPong|SpinOneWay|UnparkAfterGap)Limit\\.",
                    "\\.limits\\.MpscQueueLimit\\.from1Producer$",
                    "-f", Integer.toString(BenchmarkDefaults.FORKS),
                    "-wi", Integer.toString(BenchmarkDefaults.WARMUP_ITERATIONS),
                    "-w", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-i", Integer.toString(BenchmarkDefaults.MEASUREMENT_ITERATIONS),
                    "-r", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-p", "idleGapMicros=0,1000",
                    "-p", "depth=4")),

    /**
     * Everything, every parameter value, one-way latency also under a ten times heavier load, with enough forks to
     * compare two runs by their per-fork scores: 5 forks × ((3 + 5) s + about 1 s) per run, roughly 2.5 hours with the
     * nine registered loops (estimated from the quick profile's fork time, not measured).
     */
    FULL("everything, every parameter, 5 forks × (3 warmup + 5 measurement) s, for comparing runs (roughly 2.5 h)",
            List.of(Includes.EVERY_BENCHMARK,
                    "-f", "5",
                    "-wi", "3", "-w", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-i", "5", "-r", BenchmarkDefaults.ITERATION_MILLIS + "ms",
                    "-p", "sendsPerSecond=5000,50000")),

    /**
     * The CI gate's headline figures, for A/B rounds ({@code scripts/ab.sh}): round trip, one-way latency at a fixed
     * rate, the awake round trip (gap 0, which the gate judges) and the wakeup after a 1 ms gap, 1-producer burst
     * and chain depth 4, on the contender and the reference loop.
     * A fork is short (2 + 5 iterations of 0.5 s, about 5 s with its two JVM starts) because the gate gains more
     * from rounds than from long forks, yet no shorter: in an A/A run here, forks of half the iterations spread
     * paired ratios 1.3 to 2.5 times wider. 7 variants x 2 loops x 2 sides: about 2.5 minutes a round.
     */
    GATE("the CI gate's headline figures on mpsc and netty, short forks, for A/B rounds (scripts/ab.sh)",
            List.of("\\.latency\\.RoundTripLatency\\.",
                    "\\.latency\\.OneWayLatency\\.",
                    "\\.wakeup\\.WakeupLatency\\.",
                    "\\.throughput\\.ChainThroughput\\.",
                    "\\.throughput\\.BurstThroughput\\.from1Producer$",
                    "-f", "1",
                    "-wi", "2", "-w", "500ms",
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
     * The JMH arguments of this profile: its own, plus what every profile has: the forks' JVM flags, and the
     * HdrHistogram profiler, without which the one-way latency percentiles would be missing.
     */
    public List<String> jmhArguments() {
        List<String> arguments = new ArrayList<>(ownArguments);
        arguments.addAll(List.of(
                "-jvmArgsAppend", BenchmarkDefaults.JVM_ARGS,
                "-prof", HdrHistogramProfiler.class.getName()));
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
                        + Arrays.stream(values()).map(RunProfile::alias).collect(Collectors.joining(", "))));
    }
}
