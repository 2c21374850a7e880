package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A loop's offloads that are not finished yet: how many are in flight, because a graceful shutdown closes input
 * only when none is (see {@link AbstractEventLoop}'s invariants), and which, so that a stopping loop can complete
 * their futures.
 *
 * <h2>Thread contract</h2>
 * Any thread. An offload {@link #enter enters} before its loop re-checks its state and {@link #leave leaves} if
 * refused, or is {@link #started} and later {@link #finished} exactly once, by {@link OffloadFuture#finish()}.
 */
final class OffloadTracker {

    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(OffloadTracker.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Set<OffloadFuture<?>> unfinished = ConcurrentHashMap.newKeySet();
    private volatile int inFlight;

    void enter() {
        IN_FLIGHT.getAndAdd(this, 1);
    }

    /** @return whether no offload is in flight any more */
    boolean leave() {
        return (int) IN_FLIGHT.getAndAdd(this, -1) == 1;
    }

    void started(OffloadFuture<?> offload) {
        unfinished.add(offload);
    }

    /** @return whether no offload is in flight any more */
    boolean finished(OffloadFuture<?> offload) {
        unfinished.remove(offload);
        return leave();
    }

    boolean anyInFlight() {
        return inFlight != 0;
    }

    /** Completes every unfinished offload's future with a fresh {@code cause}: their outcomes will find the loop stopped. */
    void abandonAll(Supplier<LoopTerminatedException> cause) {
        for (OffloadFuture<?> offload : unfinished) {
            offload.abandon(cause.get());
        }
    }
}
