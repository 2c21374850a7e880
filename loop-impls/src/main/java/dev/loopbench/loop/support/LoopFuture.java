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
