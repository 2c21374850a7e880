package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.util.concurrent.Callable;

/**
 * A task given to {@code submit}: the queued runnable and its future in one object, so a submission costs one
 * allocation. Whatever the callable throws, {@link Error}s included, completes the future; nothing escapes to
 * the loop.
 */
final class SubmittedTask<V> extends LoopFuture<V> implements AbandonableTask {

    private final Callable<V> task;

    SubmittedTask(LoopFuture.Loop loop, Callable<V> task) {
        super(loop);
        this.task = task;
    }

    @Override
    public void run() {
        if (isDone()) {
            return; // cancelled by its caller before it ran
        }
        try {
            complete(task.call());
        } catch (Throwable thrown) {
            completeExceptionally(thrown);
        }
    }

    @Override
    public Runnable abandon(LoopTerminatedException cause) {
        completeExceptionally(cause);
        return this;
    }

    @Override
    public String toString() {
        return "SubmittedTask[" + task + "]";
    }
}
