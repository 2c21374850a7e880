package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The future of an {@code offload}: the blocking call runs on the pool as a {@link FutureTask}, whose
 * completion is carried back to the loop thread, where this future completes.
 *
 * <p>{@link FutureTask} already does the hard part of cancellation: cancelled before it starts, the call never
 * runs; cancelled while it runs, the pool thread is interrupted (the documented cooperative signal), and the
 * interrupt never leaks into the pool thread's next task.
 */
final class OffloadFuture<V> extends LoopFuture<V> implements AbandonableTask {

    private final AbstractEventLoop loop;
    private final FutureTask<V> blockingCall;

    OffloadFuture(AbstractEventLoop loop, Callable<V> blocking) {
        super(loop);
        this.loop = loop;
        this.blockingCall = new FutureTask<>(blocking) {
            @Override
            protected void done() {
                loop.deliverOffloadOutcome(OffloadFuture.this);
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
        } catch (CancellationException alreadyCancelledHere) {
            // this future was cancelled first and is complete already
        } catch (InterruptedException impossible) {
            // the call is done, so get() cannot wait; keep the loop thread's interrupt status all the same
            Thread.currentThread().interrupt();
        } finally {
            loop.offloadFinished();
        }
    }

    @Override
    public Runnable abandon(LoopTerminatedException cause) {
        completeExceptionally(cause);
        loop.offloadFinished();
        return null;
    }
}
