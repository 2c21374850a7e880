package dev.loopbench.bench.support;

import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How a producer waits for the result of its task, by the alias the {@code producerWait} parameter takes.
 *
 * <p>It matters as much as the loop's own idle strategy: {@code CompletableFuture.get}/{@code join} park at once
 * (JDK 17 does not spin), and waking the producer takes longer here (~25 us) than the mpsc loop's default spin
 * phase, so by the next submission a spinning loop has gone to sleep. A producer that spins briefly for its result
 * keeps an awake loop awake between round trips.
 */
public enum ResultWait {

    /** As {@code submit(task).join()}: parks at once, as most callers do. */
    PARK("park") {
        @Override
        public <V> V await(Future<V> result) {
            return BoundedWaits.await(result);
        }
    },
    /**
     * Spins on {@code isDone()} for up to {@value #SPIN_MICROS} us, yielding every {@value #SPINS_PER_YIELD} polls,
     * then parks: a latency-minded caller. The yields matter on 2 vCPUs: a producer spinning flat out can hold the
     * vCPU the loop it waits for needs, and so delay the very task it measures.
     */
    SPIN("spin") {
        @Override
        public <V> V await(Future<V> result) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            for (int polls = 1; !result.isDone() && System.nanoTime() - deadline < 0; polls++) {
                if (polls % SPINS_PER_YIELD == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            return BoundedWaits.await(result);
        }
    };

    /** About a microsecond of polling between yields. */
    static final int SPINS_PER_YIELD = 64;

    /** Longer than a round trip to an awake loop, far shorter than the idle gaps the wakeup benchmarks use. */
    public static final long SPIN_MICROS = 50;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);

    private final String alias;

    ResultWait(String alias) {
        this.alias = alias;
    }

    /** The result of {@code result}, waiting this way; fails as {@link BoundedWaits#await} does. */
    public abstract <V> V await(Future<V> result);

    /** @throws IllegalArgumentException naming the valid aliases */
    public static ResultWait forAlias(String alias) {
        for (ResultWait wait : values()) {
            if (wait.alias.equals(alias)) {
                return wait;
            }
        }
        throw new IllegalArgumentException("unknown producerWait '" + alias + "'; valid values are "
                + Arrays.stream(values()).map(wait -> wait.alias).collect(Collectors.joining(", ")));
    }
}
