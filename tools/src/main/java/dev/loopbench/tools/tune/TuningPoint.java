package dev.loopbench.tools.tune;

/**
 * One setting of a loop at one offered rate, as a tuning run measured it.
 *
 * @param setting      the loop's options, as the {@code loopOptions} parameter wrote them
 * @param offeredRate  the sends per second the producer aimed at
 * @param achievedRate the sends per second it managed (the benchmark's score)
 * @param p50Micros    the median one-way latency from the intended send slot, in microseconds
 * @param p99Micros    its 99th percentile
 * @param loopCpu      the loop thread's CPU time per second of wall time (1 is a whole core); NaN if not measured
 */
public record TuningPoint(String setting, int offeredRate, double achievedRate, double p50Micros, double p99Micros,
                          double loopCpu) {

    /**
     * A loop that falls behind the rate queues tasks without bound in a real system; its latencies here are
     * capped by the benchmark's in-flight bound, so they are not comparable with those of loops that kept up.
     */
    static final double KEPT_UP_SHARE = 0.95;

    public boolean keptUp() {
        return achievedRate >= KEPT_UP_SHARE * offeredRate;
    }

    /** Whether the point can be placed on the latency-CPU plane and ranked. */
    public boolean comparable() {
        return keptUp() && Double.isFinite(loopCpu) && Double.isFinite(p50Micros) && Double.isFinite(p99Micros);
    }
}
