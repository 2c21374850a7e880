package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The executor of one {@code *Async} stage of a loop future that runs on its loop. It hands the JDK's completion
 * task to the loop as a continuation, wrapped so that, if {@code shutdownNow()} takes it out of the queue unrun,
 * the stage completes exceptionally: the JDK's task cannot be asked to fail the stage it would have completed,
 * and handed back unrun it would leave that stage, and every stage after it, pending forever.
 *
 * <h2>Thread contract</h2>
 * {@link #bind} is called once, by the thread that made the stage, right after the JDK made it. {@link #execute}
 * is called by whichever thread completes the stage's source, and the wrapped task's {@code abandon} by the loop
 * thread as it takes the queue out.
 *
 * <h2>Invariant</h2>
 * The stage and the loop's abandonment meet in one compare-and-set of {@link #stageOrFailure}, whichever comes
 * first: the JDK may hand the task to the loop (when the source is already complete) and a {@code shutdownNow()}
 * on another thread may abandon it before the stage is returned to be bound. So an abandoned task's stage always
 * completes exceptionally, once.
 */
final class ContinuationStage implements Executor {

    private final Executor continuations;
    /** Null, then the stage (bound first) or the abandonment's cause (abandoned first). */
    private final AtomicReference<Object> stageOrFailure = new AtomicReference<>();

    ContinuationStage(Executor continuations) {
        this.continuations = continuations;
    }

    /** The stage this executor's task completes; returned for the caller's convenience. */
    <S extends CompletableFuture<?>> S bind(S stage) {
        if (!stageOrFailure.compareAndSet(null, stage)) {
            stage.completeExceptionally((Throwable) stageOrFailure.get()); // abandoned before it was bound
        }
        return stage;
    }

    @Override
    public void execute(Runnable completion) {
        continuations.execute(new Task(completion));
    }

    private void fail(LoopTerminatedException cause) {
        if (!stageOrFailure.compareAndSet(null, cause)) {
            ((CompletableFuture<?>) stageOrFailure.get()).completeExceptionally(cause);
        }
    }

    /** The JDK's completion task as the loop queues it. */
    private final class Task implements AbandonableTask {

        private final Runnable completion;

        Task(Runnable completion) {
            this.completion = completion;
        }

        @Override
        public void run() {
            completion.run();
        }

        /** Fails the stage and reports the JDK's own task as never started, as it was handed to the loop. */
        @Override
        public Runnable abandon(LoopTerminatedException cause) {
            fail(cause);
            return completion;
        }
    }
}
