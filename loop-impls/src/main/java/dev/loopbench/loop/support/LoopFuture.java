package dev.loopbench.loop.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 */
public class LoopFuture<V> extends CompletableFuture<V> {

    private final AbstractEventLoop loop;

    LoopFuture(AbstractEventLoop loop) {
        this.loop = loop;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        refuseSelfDeadlock("get()");
        return super.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseSelfDeadlock("get(timeout)");
        return super.get(timeout, unit);
    }

    @Override
    public V join() {
        refuseSelfDeadlock("join()");
        return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new LoopFuture<>(loop);
    }

    @Override
    public Executor defaultExecutor() {
        return loop;
    }

    private void refuseSelfDeadlock(String operation) {
        if (!isDone() && loop.inEventLoop()) {
            throw new IllegalStateException(loop.selfDeadlockMessage(operation));
        }
    }
}
