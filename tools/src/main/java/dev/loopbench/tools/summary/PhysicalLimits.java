package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.LoopOptionsParam;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which physical limit each loop benchmark is read against, per benchmark and parameters, and only where the limit
 * is a floor: the same direction, statistic, idle state and number of wakeups as the figure. A loop at 0.1x its
 * "limit" means the limit is wrong, so a benchmark with no like-for-like limit measured yet is paired with none,
 * on purpose, rather than with the nearest one.
 *
 * <p>Every loop benchmark must be declared here; the benchmarks module's {@code PhysicalLimitsCoverageTest} fails
 * for one that is not, so a new benchmark gets its pairing decided when it is added.
 */
public final class PhysicalLimits {

    /** How figures and limits are paired, in one sentence for reports. */
    public static final String PAIRING_RULE = "Each figure is read against the limit that is its floor "
            + "(`PhysicalLimits`), with the same load, idle state, wakeups and statistic (a median against a median): "
            + "a spinning caller's round trip against the spin ping-pong, a wakeup after a gap against a directly unparked "
            + "sleeper after the same gap, an awake one-way latency against a one-way spin hand-off, burst "
            + "throughput against the same load through the bare queue; a spinning limit only for a loop woken at most "
            + "0.01 times per task. Figures with no such floor have none; a ratio below 1 says the limit is no floor.";

    private static final String BENCH = "dev.loopbench.bench.";
    private static final String SPIN_PING_PONG = BENCH + "limits.SpinPingPongLimit.roundTrip";
    private static final String PARK_UNPARK_PING_PONG = BENCH + "limits.ParkUnparkPingPongLimit.roundTrip";
    private static final String SPIN_ONE_WAY = BENCH + "limits.SpinOneWayLimit.roundTrip";
    private static final String UNPARK_AFTER_GAP = BENCH + "limits.UnparkAfterGapLimit.roundTripAfterGap";
    private static final String MPSC_QUEUE = BENCH + "limits.MpscQueueLimit.";
    private static final String BURST = BENCH + "throughput.BurstThroughput.";
    private static final List<String> PRODUCER_COUNTS = List.of("from1Producer", "from2Producers", "from4Producers");

    /** The limits themselves, which are read against nothing. */
    private static final Set<String> LIMIT_BENCHMARKS = limitBenchmarks();

    private static final Map<String, Function<BenchmarkKey, Optional<String>>> LIMIT_BY_BENCHMARK = limitsByBenchmark();

    private static Set<String> limitBenchmarks() {
        Set<String> limits = new HashSet<>(Set.of(SPIN_PING_PONG, PARK_UNPARK_PING_PONG, SPIN_ONE_WAY, UNPARK_AFTER_GAP));
        PRODUCER_COUNTS.forEach(producers -> limits.add(MPSC_QUEUE + producers));
        return Set.copyOf(limits);
    }

    private static Map<String, Function<BenchmarkKey, Optional<String>>> limitsByBenchmark() {
        Map<String, Function<BenchmarkKey, Optional<String>>> limits = new HashMap<>();
        // a spinning producer against an awake loop is a cache-line hand-off each way. A parking producer's round
        // trip wakes the loop only when the loop had gone to sleep (0.7 times per round trip in a quick run), so it
        // beat the two-wakeup park/unpark ping-pong by up to 20% there: that is no floor, and none is measured
        limits.put(BENCH + "latency.RoundTripLatency.roundTrip",
                key -> "spin".equals(key.params().get("producerWait")) ? Optional.of(SPIN_PING_PONG) : Optional.empty());
        // a spinning loop is awake at every send: a one-way spin hand-off with the clock on both sides. A parking
        // loop sleeps between sends, for a gap set by the rate, which no limit row matches parameter for parameter
        limits.put(BENCH + "latency.OneWayLatency.fixedRate",
                key -> neverSleeps(key) ? Optional.of(SPIN_ONE_WAY) : Optional.empty());
        // a producer-side call cost has no physical counterpart here
        limits.put(BENCH + "latency.ExecuteCost.onAwakeLoop", key -> Optional.empty());
        limits.put(BENCH + "latency.ExecuteCost.onParkedLoop", key -> Optional.empty());
        // back to back (gap 0) the loop is awake and the producer spins: a hand-off each way; after a gap the
        // loop wakes once and the producer spins back, as a directly unparked sleeper after the same gap does
        limits.put(BENCH + "wakeup.WakeupLatency.roundTripAfterGap",
                key -> Optional.of("0".equals(key.params().get("idleGapMicros")) ? SPIN_PING_PONG : UNPARK_AFTER_GAP));
        // the bare queue has no futures to chain and no pool to offload to: no floor; loops compare with each other
        limits.put(BENCH + "throughput.ChainThroughput.chain", key -> Optional.empty());
        limits.put(BENCH + "throughput.OffloadThroughput.loopToPoolAndBack", key -> Optional.empty());
        // the same producers, tasks (taskWork), bursts and window through the bare queue to a consumer that never
        // sleeps: the best any loop can do with that load
        PRODUCER_COUNTS.forEach(producers -> limits.put(BURST + producers, key -> Optional.of(MPSC_QUEUE + producers)));
        return Map.copyOf(limits);
    }

    /**
     * The loop options that keep a loop polling without ever sleeping: {@code mpsc}'s and {@code agrona}'s busy
     * spins, Agrona's no-op and yielding idles, the Disruptor's busy-spin and yielding waits. The results carry
     * option values, not what they do, so this list names them; a new never-sleeping option value joins it.
     */
    private static final Set<Map.Entry<String, String>> NEVER_SLEEPING_OPTIONS = Set.of(
            Map.entry("idle", "spin"), Map.entry("idle", "noop"), Map.entry("idle", "yield"),
            Map.entry("waitStrategy", "busy-spin"), Map.entry("waitStrategy", "yielding"));

    private PhysicalLimits() {
    }

    private static boolean neverSleeps(BenchmarkKey key) {
        return LoopOptionsParam.decode(key.params().get(LoopOptionsParam.NAME)).entrySet().stream()
                .anyMatch(NEVER_SLEEPING_OPTIONS::contains);
    }

    /** The fully qualified limit benchmark that {@code key}'s figure is read against, if it has a floor. */
    public static Optional<String> limitFor(BenchmarkKey key) {
        return LIMIT_BY_BENCHMARK.getOrDefault(key.benchmark(), k -> Optional.empty()).apply(key);
    }

    /**
     * Whether {@code limit} is a floor only for a loop that producers wake: a directly unparked sleeper after a gap
     * bounds a loop that parks and is unparked, not one that polls on a timer and was never woken (Agrona's idle
     * strategies, {@code mpsc}'s back-off), which can answer sooner.
     */
    public static boolean boundsOnlyWokenLoops(String limit) {
        return UNPARK_AFTER_GAP.equals(limit);
    }

    /**
     * Whether {@code limit} is a floor only for a loop that stayed awake: a spin hand-off never pays a wakeup, so a
     * loop woken more than rarely per task measured something a spinning limit does not bound.
     */
    public static boolean boundsOnlyAwakeLoops(String limit) {
        return SPIN_PING_PONG.equals(limit) || SPIN_ONE_WAY.equals(limit);
    }

    /** Whether a pairing (possibly "none") has been decided for this benchmark, or it is a limit itself. */
    public static boolean declares(String benchmark) {
        return LIMIT_BY_BENCHMARK.containsKey(benchmark) || LIMIT_BENCHMARKS.contains(benchmark);
    }
}
