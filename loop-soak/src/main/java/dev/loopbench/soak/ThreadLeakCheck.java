package dev.loopbench.soak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * After a round: every thread the round caused has ended. A round's threads are made by its
 * {@link TrackingThreadFactory}s (loops, pool, producers) and all carry the round's name prefix, so a live thread
 * with that prefix that no factory made (a loop that names a thread of its own after the loop) counts too.
 */
final class ThreadLeakCheck {

    private ThreadLeakCheck() {
    }

    /**
     * Waits until {@code deadlineNanos} at most for the threads of the round to end, and reports those still alive,
     * with where each is.
     */
    static void check(String roundPrefix, Collection<TrackingThreadFactory> factories, long deadlineNanos,
                      BrokenInvariants broken) {
        List<Thread> alive = new ArrayList<>();
        for (TrackingThreadFactory factory : factories) {
            for (Thread thread : factory.made()) {
                if (!endsBy(thread, deadlineNanos)) {
                    alive.add(thread);
                }
            }
        }
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(roundPrefix + "-") && !alive.contains(thread))
                .filter(thread -> factories.stream().noneMatch(factory -> factory.made().contains(thread)))
                .forEach(alive::add);
        if (!alive.isEmpty()) {
            broken.report(alive.size() + " thread(s) of the round still alive after it: " + alive.stream()
                    .map(StackTraces::describe).collect(Collectors.joining("; ")));
        }
    }

    private static boolean endsBy(Thread thread, long deadlineNanos) {
        try {
            long leftMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            thread.join(leftMillis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
