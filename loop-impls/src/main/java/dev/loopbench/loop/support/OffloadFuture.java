package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The future of an {@code offload}: the blocking call runs on the pool as a {@link FutureTask}, whose
 * completion is carried back to the loop thread, where this future completes.
 *
 * <p>{@link FutureTask} already does the hard part of cancellation: cancelled before it starts, the call never
 * runs; cancelled while it runs, the pool thread is interrupted, the documented cooperative signal.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>This future completes on every path: with the call's outcome on the loop thread; cancelled, by its
 *       caller or by the pool cancelling the {@link FutureTask}; or with a {@link LoopTerminatedException} when
 *       the loop stops first, including when the pool dropped the call and it will never finish.</li>
 *   <li>{@link #finish()} releases the loop's hold on input exactly once, whichever of those paths gets there
 *       first.</li>
 * </ol>
 */
final class OffloadFuture<V> extends LoopFuture<V> implements AbandonableTask {

    private static final VarHandle FINISHED;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(OffloadFuture.class, "finished", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final OffloadTracker tracker;
    private final FutureTask<V> blockingCall;
    private volatile boolean finished;

    OffloadFuture(LoopFuture.Loop loop, OffloadTracker tracker, Callable<V> blocking) {
        super(loop);
        this.tracker = tracker;
        this.blockingCall = new FutureTask<>(blocking) {
            @Override
            protected void done() {
                tracker.deliver(OffloadFuture.this);
            }
        };
    }

    /** What the pool runs. */
    Runnable blockingCall() {
        return blockingCall;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            blockingCall.cancel(true);
        }
        return cancelled;
    }

    /** Runs on the loop thread: completes this future with the blocking call's outcome. */
    @Override
    public void run() {
        try {
            complete(blockingCall.get());
        } catch (ExecutionException failed) {
            completeExceptionally(failed.getCause());
        } catch (CancellationException cancelledCall) {
            super.cancel(false); // by this future's caller, or by the pool (e.g. after its shutdownNow())
        } catch (InterruptedException impossible) {
            // the call is done, so get() cannot wait; keep the loop thread's interrupt status all the same
            completeExceptionally(impossible);
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    /** Completes this future with {@code cause} and lets the call, if it has not started, never run. */
    @Override
    public Runnable abandon(LoopTerminatedException cause) {
        completeExceptionally(cause);
        blockingCall.cancel(false);
        finish();
        return null;
    }

    /** This offload no longer holds the loop's input open; only the first call counts (invariant 2). */
    void finish() {
        if (FINISHED.compareAndSet(this, false, true)) {
            tracker.finished(this);
        }
    }
}
