package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One {@code *Async} stage of a loop future that runs on its loop: the executor the JDK hands the stage's completion
 * task to, and that task as the loop queues it. If {@code shutdownNow()} takes it out unrun, the stage completes
 * exceptionally: the JDK's task cannot be asked to fail the stage it would have completed, and handed back unrun it
 * would leave that stage, and every stage after it, pending forever.
 *
 * <p>One object per stage serves as both, since the JDK hands a stage's task to its executor once.
 *
 * <h2>Thread contract</h2>
 * {@link #bind} is called once, by the thread that made the stage, right after the JDK made it. {@link #execute}
 * is called once, by whichever thread completes the stage's source; {@link #run} by the loop thread, and
 * {@link #abandon} by the loop thread as it takes the queue out.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>The stage and the loop's abandonment meet in one compare-and-set of {@code stageOrFailure}, whichever comes
 *       first: the JDK may hand the task to the loop (when the source is already complete) and a
 *       {@code shutdownNow()} on another thread may abandon it before the stage is returned to be bound. So an
 *       abandoned task's stage always completes exceptionally, once.</li>
 *   <li>{@code completion} is written before the loop's queue publishes this task, and read only by the thread
 *       that took it from the queue.</li>
 * </ol>
 */
final class ContinuationStage implements Executor, AbandonableTask {

    private static final VarHandle STAGE_OR_FAILURE;

    static {
        try {
            STAGE_OR_FAILURE = MethodHandles.lookup().findVarHandle(ContinuationStage.class, "stageOrFailure", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Executor continuations;
    /** The JDK's completion task, once handed over. */
    private Runnable completion;
    /** Null, then the stage (bound first) or the abandonment's cause (abandoned first). */
    @SuppressWarnings("unused") // through STAGE_OR_FAILURE
    private volatile Object stageOrFailure;

    ContinuationStage(Executor continuations) {
        this.continuations = continuations;
    }

    /** The stage this executor's task completes; returned for the caller's convenience. */
    <S extends CompletableFuture<?>> S bind(S stage) {
        if (!STAGE_OR_FAILURE.compareAndSet(this, null, stage)) {
            stage.completeExceptionally((Throwable) stageOrFailure); // abandoned before it was bound
        }
        return stage;
    }

    @Override
    public void execute(Runnable completion) {
        this.completion = completion; // ordering point (invariant 2): before the queue publishes this task
        continuations.execute(this);
    }

    @Override
    public void run() {
        completion.run();
    }

    /** Fails the stage and reports the JDK's own task as never started, as it was handed to the loop. */
    @Override
    public Runnable abandon(LoopTerminatedException cause) {
        if (!STAGE_OR_FAILURE.compareAndSet(this, null, cause)) {
            ((CompletableFuture<?>) stageOrFailure).completeExceptionally(cause);
        }
        return completion;
    }
}
