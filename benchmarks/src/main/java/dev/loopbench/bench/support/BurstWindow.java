package dev.loopbench.bench.support;

import java.util.ArrayDeque;
import java.util.concurrent.Future;

/**
 * One producer's bursts in flight, oldest first, at most {@link #BURSTS_IN_FLIGHT} of {@link #BURST} tasks each:
 * the shape of the load that the throughput benchmarks and their limit put on a consumer.
 *
 * <p>Why this shape: with {@code BURSTS_IN_FLIGHT - 1} whole bursts still queued while the producer waits for the
 * oldest, the consumer has hundreds of microseconds of work left when the producer comes back, more than a
 * descheduled producer takes to be rescheduled, so a saturated consumer never runs dry and never sleeps.
 *
 * <p>The producer waits by polling ({@link BoundedWaits#untilDone}), never inside {@link Future#get()}: a waiter
 * parked in {@code get()} would make the consumer pay an unpark for every burst it completes, and the benchmark
 * would measure that instead of the consumer.
 *
 * <h2>Thread contract</h2>
 * One producer thread only (JMH {@code Scope.Thread} state).
 */
public final class BurstWindow {

    /** Tasks per burst: the last one reports the burst complete. */
    public static final int BURST = 1024;
    public static final int BURSTS_IN_FLIGHT = 4;

    private final ArrayDeque<Future<Long>> bursts = new ArrayDeque<>(BURSTS_IN_FLIGHT);

    /**
     * Waits, if the window is full, for the oldest burst to complete.
     *
     * @return the oldest burst's value if one was awaited, else 0
     */
    public long awaitRoom() {
        if (bursts.size() < BURSTS_IN_FLIGHT) {
            return 0;
        }
        Future<Long> oldest = bursts.removeFirst();
        BoundedWaits.untilDone(oldest, "the consumer completes a burst");
        return BoundedWaits.await(oldest);
    }

    /** Records a burst handed to the consumer; {@code last} completes when its last task has run. */
    public void sent(Future<Long> last) {
        bursts.addLast(last);
    }
}
