package dev.loopbench.soak;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a call that may block (a {@code shutdownNow()}, a {@code close()}, an {@code awaitTermination}) on a thread of
 * its own and waits for it no longer than a limit, so that the soak itself never hangs. A call still running at the
 * limit is a stuck operation: a broken invariant, reported with where the call and the threads it may wait for are.
 *
 * <h2>Thread contract</h2>
 * {@link #call} from the round's thread; the threads it starts come from the round's {@link TrackingThreadFactory},
 * so that one left stuck shows in the round's leak check.
 */
final class BoundedCall {

    private final TrackingThreadFactory threads;
    private final Duration limit;
    private final BrokenInvariants broken;
    private final Supplier<Collection<Thread>> suspects;
    private boolean anyStuck;

    /**
     * @param suspects the threads a stuck call may be waiting for (the loops' threads), described in its report
     */
    BoundedCall(TrackingThreadFactory threads, Duration limit, BrokenInvariants broken,
                Supplier<Collection<Thread>> suspects) {
        this.threads = threads;
        this.limit = limit;
        this.broken = broken;
        this.suspects = suspects;
    }

    /**
     * Runs {@code call}, which returns a value other than null, and returns that value; empty, with a broken
     * invariant reported, if it threw or was still running after the limit.
     *
     * @param what names the call in a report, e.g. {@code soak-r3-a.shutdownNow()}
     */
    <T> Optional<T> call(String what, Callable<T> call) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = threads.newThread(() -> {
            try {
                value.set(call.call());
            } catch (Throwable failure) {
                thrown.set(failure);
            }
        });
        caller.start();
        try {
            caller.join(limit.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (caller.isAlive()) {
            anyStuck = true;
            broken.report("stuck: " + what + " had not returned after " + limit.toSeconds() + " s; "
                    + StackTraces.describe(caller) + "; " + suspects.get().stream().filter(Thread::isAlive)
                    .map(StackTraces::describe).collect(Collectors.joining("; ")));
            return Optional.empty();
        }
        if (thrown.get() != null) {
            broken.report(what + " threw " + thrown.get());
            return Optional.empty();
        }
        return Optional.ofNullable(value.get());
    }

    /** Whether any call was left stuck. */
    boolean anyStuck() {
        return anyStuck;
    }
}
