package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import static dev.loopbench.loop.support.LoopLifecycle.RUNNING;
import static dev.loopbench.loop.support.LoopLifecycle.SHUTTING_DOWN;

/**
 * A loop's offloads, from their admission to the delivery of their outcomes: how many are in flight, because a
 * graceful shutdown closes input only when none is, and which, so that a stopping loop can complete their futures.
 *
 * <h2>Thread contract</h2>
 * {@link #start} is called by the caller of {@code offload}, any thread; {@link #deliver} by the thread that
 * finished the blocking call; {@link #finished} once per offload, by {@link OffloadFuture#finish()} on whichever
 * thread ends it; {@link #anyInFlight} by any thread; {@link #abandonAll} by the loop thread as it stops.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>An offload enters the in-flight count before it reads the state, and leaves it only when its outcome has
 *       been delivered on the loop thread (or, once the loop is stopping, straight to its future). Input closes
 *       only when the count is zero, so a graceful shutdown delivers every in-flight outcome.</li>
 *   <li>The offload that brings the count to zero during a graceful shutdown asks the loop thread to look again
 *       ({@link Loop#requestCloseCheck}), so a loop idling while it waited for offloads closes input.</li>
 * </ol>
 */
final class OffloadTracker {

    /** What the offloads need of their loop: what their futures need, and a way to ask it to close input. */
    interface Loop extends LoopFuture.Loop {

        /** Any thread, during a graceful shutdown: makes the loop thread look whether it can close input, soon. */
        void requestCloseCheck();
    }

    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(OffloadTracker.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Loop loop;
    private final LoopLifecycle lifecycle;
    private final Admission admission;
    private final Set<OffloadFuture<?>> unfinished = ConcurrentHashMap.newKeySet();
    private volatile int inFlight;

    OffloadTracker(Loop loop, LoopLifecycle lifecycle, Admission admission) {
        this.loop = loop;
        this.lifecycle = lifecycle;
        this.admission = admission;
    }

    /** Starts {@code blocking} on {@code pool}, or throws {@link java.util.concurrent.RejectedExecutionException}. */
    <V> OffloadFuture<V> start(Executor pool, Callable<V> blocking) {
        if (lifecycle.state() != RUNNING) {
            throw admission.rejected(); // as in Admission: a refused caller leaves no mark that could hold a close open
        }
        IN_FLIGHT.getAndAdd(this, 1);
        // ordering point (invariant 1): counted before this read of the state
        if (lifecycle.state() != RUNNING) {
            leave();
            throw admission.rejected();
        }
        OffloadFuture<V> result = new OffloadFuture<>(loop, this, blocking);
        unfinished.add(result);
        try {
            pool.execute(result.blockingCall());
        } catch (RuntimeException | Error refusedByPool) {
            // The loop accepted the work but the pool did not: the future says so instead of the caller.
            result.completeExceptionally(refusedByPool);
            result.finish();
        }
        return result;
    }

    /**
     * Brings an offload's outcome back to the loop, even after {@code shutdown()}, which waits for it
     * (invariant 1); once the loop is stopping, completes the future here instead, so the pool thread never sees
     * an exception.
     */
    void deliver(OffloadFuture<?> delivery) {
        try {
            if (admission.acceptOutcome(delivery)) {
                return;
            }
        } catch (Throwable refused) {
            // e.g. a Netty queue bounded by io.netty.eventLoop.maxPendingTasks: the pool thread must not see it
            delivery.abandon(new LoopTerminatedException(loop.name(), "could not take the offloaded call's outcome",
                    refused));
            return;
        }
        delivery.abandon(new LoopTerminatedException(loop.name(), "had stopped when the offloaded call finished"));
    }

    /** Called once per offload, by {@link OffloadFuture#finish()}: it no longer holds input open. */
    void finished(OffloadFuture<?> offload) {
        unfinished.remove(offload);
        leave();
    }

    private void leave() {
        boolean noneInFlight = (int) IN_FLIGHT.getAndAdd(this, -1) == 1;
        // ordering point (invariant 2): the count reaches zero before this read of the state, and shutdown() moves
        // the state before the loop reads the count, so one of the two asks for the close
        if (noneInFlight && lifecycle.state() == SHUTTING_DOWN) {
            loop.requestCloseCheck();
        }
    }

    boolean anyInFlight() {
        return inFlight != 0;
    }

    /** Loop thread only, as it stops: completes every unfinished offload's future; its outcome would come too late. */
    void abandonAll() {
        assert loop.inEventLoop();
        for (OffloadFuture<?> offload : unfinished) {
            offload.abandon(new LoopTerminatedException(loop.name(), "stopped before the offloaded call finished"));
        }
    }
}
