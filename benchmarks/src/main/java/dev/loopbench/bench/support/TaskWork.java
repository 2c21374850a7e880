package dev.loopbench.bench.support;

/**
 * The fixed work a throughput benchmark's task does on the loop, in tokens of JMH's {@code Blackhole.consumeCPU}:
 * the {@code taskWork} parameter of {@code BurstThroughput}, {@code OffloadThroughput} and {@code MpscQueueLimit}.
 *
 * <p>Why tasks do work at all: an {@code execute} costs its producer about what an empty task costs the loop, so
 * with empty tasks the loop catches up, sleeps and is woken thousands of times a second, and the benchmark
 * measures park/unpark. With {@value #DEFAULT_TOKENS} tokens (about 0.45 µs on the 2-vCPU reference machine: 1.6
 * million tasks per second through the bare queue) one producer outpaces every loop, so the loop always has work.
 * The ratio to {@code MpscQueueLimit} at the same work is what the loop's machinery costs.
 */
public final class TaskWork {

    /** The default, as a {@code @Param} value. */
    public static final String DEFAULT_TOKENS = "256";

    private TaskWork() {
    }
}
