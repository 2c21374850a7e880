package dev.loopbench.loop.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A future bound to the loop that completes it. Blocking on it from that loop's own thread while it is
 * unfinished would deadlock the loop, so {@link #get()}, {@link #get(long, TimeUnit)} and {@link #join()} throw
 * {@link IllegalStateException} there instead, as Netty's {@code BlockingOperationException} does. Dependent
 * stages are loop futures too, and their {@code *Async} variants without an executor run on the loop.
 *
 * <p><b>Where the protection ends.</b> It covers this future and every stage made from it through
 * {@link #newIncompleteFuture()}: {@code thenApply}, {@code thenCompose}, {@code thenCombine}, {@code handle},
 * {@code whenComplete} and their {@code *Async} variants, chained to any depth. It does not cover futures that
 * {@code CompletableFuture} makes without asking this one: {@code CompletableFuture.allOf}/{@code anyOf}, and
 * {@code minimalCompletionStage().toCompletableFuture()}. Joining one of those on the loop thread while it waits
 * for the loop still deadlocks, as it does in the JDK's own executors.
 *
 * <p><b>Continuations during a graceful shutdown.</b> The {@code *Async} stages of a loop future that run on its
 * loop, with no executor or with the loop itself as the executor, reach the loop as continuations
 * ({@link Loop#continuationExecutor()}), which a shutting-down loop still takes until it closes
 * input. Each goes through a {@link ContinuationStage} of its own, so that a stage whose task
 * {@code shutdownNow()} takes out unrun completes exceptionally instead of staying pending. And a thread blocked in {@code get()} or {@code join()} here only waits: a plain
 * {@link CompletableFuture} would have it fire the pending stages itself when it wakes, racing the loop thread,
 * and a continuation it fired after the loop had closed input would fail instead of running.
 */
public class LoopFuture<V> extends CompletableFuture<V> {

    /** What a loop future needs of its loop. */
    interface Loop {

        /** The loop itself, as the executor of new work. */
        Executor executor();

        /** Where this loop's {@code *Async} stages reach it: it takes them during a graceful shutdown too. */
        Executor continuationExecutor();

        /** Whether the calling thread is the loop's. */
        boolean inEventLoop();

        /** The loop's name, which a refused blocking call gives. */
        String name();
    }

    private final Loop loop;

    LoopFuture(Loop loop) {
        this.loop = loop;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        refuseSelfDeadlock("get()");
        if (!isDone()) {
            completion().await();
        }
        return super.get(); // done: returns without firing dependents
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseSelfDeadlock("get(timeout)");
        if (!isDone() && !completion().await(timeout, unit)) {
            throw new TimeoutException();
        }
        return super.get(timeout, unit);
    }

    @Override
    public V join() {
        refuseSelfDeadlock("join()");
        if (!isDone()) {
            CountDownLatch done = completion();
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // join() is not interruptible; keep the status for the caller
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return super.join();
    }

    /** Counted down by whichever thread completes this future, so that a waiter need not fire the dependents. */
    private CountDownLatch completion() {
        CountDownLatch done = new CountDownLatch(1);
        super.whenComplete((value, failure) -> done.countDown());
        return done;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new LoopFuture<>(loop);
    }

    /** The loop, taking the stages as continuations (see the class comment). */
    @Override
    public Executor defaultExecutor() {
        return loop.continuationExecutor();
    }

    /** New work, not a continuation: {@code completeAsync} runs a supplier that no stage waited for. */
    @Override
    public CompletableFuture<V> completeAsync(Supplier<? extends V> supplier) {
        return completeAsync(supplier, loop.executor());
    }

    // The *Async variants without an executor run on this loop: the JDK would hand them to defaultExecutor()
    // directly, past the continuation stage that fails them if shutdownNow() takes them out unrun.

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super V, ? extends U> fn) {
        return thenApplyAsync(fn, loop.executor());
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super V> action) {
        return thenAcceptAsync(action, loop.executor());
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action) {
        return thenRunAsync(action, loop.executor());
    }

    @Override
    public <U, W> CompletableFuture<W> thenCombineAsync(CompletionStage<? extends U> other,
            BiFunction<? super V, ? super U, ? extends W> fn) {
        return thenCombineAsync(other, fn, loop.executor());
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
            BiConsumer<? super V, ? super U> action) {
        return thenAcceptBothAsync(other, action, loop.executor());
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return runAfterBothAsync(other, action, loop.executor());
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends V> other, Function<? super V, U> fn) {
        return applyToEitherAsync(other, fn, loop.executor());
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends V> other, Consumer<? super V> action) {
        return acceptEitherAsync(other, action, loop.executor());
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return runAfterEitherAsync(other, action, loop.executor());
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super V, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync(fn, loop.executor());
    }

    @Override
    public CompletableFuture<V> whenCompleteAsync(BiConsumer<? super V, ? super Throwable> action) {
        return whenCompleteAsync(action, loop.executor());
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super V, Throwable, ? extends U> fn) {
        return handleAsync(fn, loop.executor());
    }

    @Override
    public CompletableFuture<V> exceptionallyAsync(Function<Throwable, ? extends V> fn) {
        return exceptionallyAsync(fn, loop.executor());
    }

    @Override
    public CompletableFuture<V> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<V>> fn) {
        return exceptionallyComposeAsync(fn, loop.executor());
    }

    // The *Async variants given this loop as their executor: the loop takes their stages as continuations too.

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super V, ? extends U> fn, Executor executor) {
        return continuing(executor, e -> super.thenApplyAsync(fn, e));
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super V> action, Executor executor) {
        return continuing(executor, e -> super.thenAcceptAsync(action, e));
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return continuing(executor, e -> super.thenRunAsync(action, e));
    }

    @Override
    public <U, W> CompletableFuture<W> thenCombineAsync(CompletionStage<? extends U> other,
            BiFunction<? super V, ? super U, ? extends W> fn, Executor executor) {
        return continuing(executor, e -> super.thenCombineAsync(other, fn, e));
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
            BiConsumer<? super V, ? super U> action, Executor executor) {
        return continuing(executor, e -> super.thenAcceptBothAsync(other, action, e));
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return continuing(executor, e -> super.runAfterBothAsync(other, action, e));
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends V> other,
            Function<? super V, U> fn, Executor executor) {
        return continuing(executor, e -> super.applyToEitherAsync(other, fn, e));
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends V> other,
            Consumer<? super V> action, Executor executor) {
        return continuing(executor, e -> super.acceptEitherAsync(other, action, e));
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action,
            Executor executor) {
        return continuing(executor, e -> super.runAfterEitherAsync(other, action, e));
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super V, ? extends CompletionStage<U>> fn,
            Executor executor) {
        return continuing(executor, e -> super.thenComposeAsync(fn, e));
    }

    @Override
    public CompletableFuture<V> whenCompleteAsync(BiConsumer<? super V, ? super Throwable> action,
            Executor executor) {
        return continuing(executor, e -> super.whenCompleteAsync(action, e));
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super V, Throwable, ? extends U> fn,
            Executor executor) {
        return continuing(executor, e -> super.handleAsync(fn, e));
    }

    @Override
    public CompletableFuture<V> exceptionallyAsync(Function<Throwable, ? extends V> fn, Executor executor) {
        return continuing(executor, e -> super.exceptionallyAsync(fn, e));
    }

    @Override
    public CompletableFuture<V> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<V>> fn,
            Executor executor) {
        return continuing(executor, e -> super.exceptionallyComposeAsync(fn, e));
    }

    /**
     * {@code stage} made with {@code executor}, or, where that is this loop, with a {@link ContinuationStage} of its
     * own: the loop takes the stage's task as a continuation, and fails the stage if it never runs the task.
     */
    private <S extends CompletableFuture<?>> S continuing(Executor executor, Function<Executor, S> stage) {
        if (executor != loop.executor()) {
            return stage.apply(executor);
        }
        ContinuationStage continuation = new ContinuationStage(loop.continuationExecutor());
        return continuation.bind(stage.apply(continuation));
    }

    private void refuseSelfDeadlock(String operation) {
        if (!isDone() && loop.inEventLoop()) {
            throw new IllegalStateException(operation + " on an unfinished future of event loop '" + loop.name()
                    + "' from that loop's own thread would deadlock it");
        }
    }
}
