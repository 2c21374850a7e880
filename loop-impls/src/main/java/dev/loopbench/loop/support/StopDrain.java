package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static dev.loopbench.loop.support.LoopLifecycle.STOPPED;

/**
 * Takes a stopping loop's queue out, once: completes the future of every task the loop will never run, and of
 * every offload still running on its pool, and hands the never-started tasks to the {@code shutdownNow()} caller,
 * who waits for them here.
 *
 * <p>It sees its loop only through {@link Loop}.
 *
 * <h2>Thread contract</h2>
 * {@link #drain} is called by the loop thread only, once the state is {@code STOPPING} or beyond;
 * {@link #awaitNeverStarted} by the thread that moved the state to {@code STOPPING}; {@link #noneLeft} by whoever
 * sees the loop thread finish.
 */
final class StopDrain {

    /** What taking the queue out needs of the loop. */
    interface Loop {

        boolean inEventLoop();

        /** Loop thread only: waits out producers that passed their state check before the loop stopped. */
        void awaitProducersOutside();

        /** Loop thread only: moves every queued task into {@code into}, in queue order. */
        void drainQueue(List<Runnable> into);

        /** Loop thread only: completes the future of every offload still running on its pool. */
        void abandonOffloads();
    }

    private final Loop loop;
    private final LoopLifecycle lifecycle;
    /** Completed by the loop thread with the never-started tasks once it has stopped taking tasks. */
    private final CompletableFuture<List<Runnable>> neverStarted = new CompletableFuture<>();

    StopDrain(Loop loop, LoopLifecycle lifecycle) {
        this.loop = loop;
        this.lifecycle = lifecycle;
    }

    /**
     * Moves the state to {@code STOPPED} and takes every queued task out, {@code alsoAbandoned} first. Once the
     * state is {@code STOPPED}, a later call (e.g. the run loop's, after a task called {@code shutdownNow()}) only
     * abandons {@code alsoAbandoned}.
     *
     * @param alsoAbandoned a task already taken from the queue but not started, or null
     * @return whether this call took the queue out
     */
    boolean drain(Runnable alsoAbandoned, LoopTerminatedException cause) {
        assert loop.inEventLoop();
        if (!lifecycle.advance(STOPPED)) {
            abandon(alsoAbandoned, cause);
            return false;
        }
        loop.awaitProducersOutside();
        List<Runnable> queued = new ArrayList<>();
        if (alsoAbandoned != null) {
            queued.add(alsoAbandoned);
        }
        loop.drainQueue(queued);
        List<Runnable> reported = new ArrayList<>(queued.size());
        for (Runnable task : queued) {
            Runnable neverStartedTask = abandon(task, cause);
            if (neverStartedTask != null) {
                reported.add(neverStartedTask);
            }
        }
        // offloads still running on their pools: their outcomes will find the loop stopped, so end them now
        loop.abandonOffloads();
        neverStarted.complete(List.copyOf(reported));
        return true;
    }

    /** @return what to report to the {@code shutdownNow()} caller as never started, or null */
    private static Runnable abandon(Runnable task, LoopTerminatedException cause) {
        return task instanceof AbandonableTask ? ((AbandonableTask) task).abandon(cause) : task;
    }

    /** The loop thread finished without taking its queue out: no {@code shutdownNow()} caller waits forever. */
    void noneLeft() {
        neverStarted.complete(List.of());
    }

    /**
     * The tasks {@link #drain} found never started; none if the loop terminated without draining, or if the
     * caller is interrupted while waiting (its interrupt status is kept). Returns at once after a drain on the
     * calling thread.
     */
    List<Runnable> awaitNeverStarted() {
        try {
            return neverStarted.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
