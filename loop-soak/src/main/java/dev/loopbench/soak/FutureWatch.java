package dev.loopbench.soak;

import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every future a soak round was handed (submits, their chains, offloads), so that it can check the contract's first
 * promise: every future completes, here within a deadline, since a future that never does is indistinguishable from
 * one that is merely late.
 *
 * <h2>Thread contract</h2>
 * {@link #watch} from any thread; {@link #awaitAll} from the round's thread, once nothing more is watched.
 */
final class FutureWatch {

    private record Watched(String what, CompletableFuture<?> future) {
    }

    private final Queue<Watched> futures = new ConcurrentLinkedQueue<>();

    /** Watches {@code future}; {@code what} names it in the report should it never complete. */
    void watch(String what, CompletableFuture<?> future) {
        futures.add(new Watched(what, future));
    }

    int size() {
        return futures.size();
    }

    /**
     * Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) at most for every watched future to
     * complete, however it does, and reports to {@code broken} those that had not by then.
     *
     * @param hint what may explain a pending future, added to the report, or empty
     */
    void awaitAll(long deadlineNanos, BrokenInvariants broken, String hint) {
        int pending = 0;
        String first = null;
        for (Watched watched : futures) {
            if (!completesBy(watched.future(), deadlineNanos)) {
                if (pending++ == 0) {
                    first = watched.what();
                }
            }
        }
        if (pending > 0) {
            broken.report(pending + " future(s) never completed, the first: " + first + (hint.isEmpty() ? "" : "; " + hint));
        }
    }

    private static boolean completesBy(CompletableFuture<?> future, long deadlineNanos) {
        if (future.isDone()) {
            return true;
        }
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | CancellationException completedAllTheSame) {
            return true;
        } catch (TimeoutException stillPending) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return future.isDone();
        }
    }
}
