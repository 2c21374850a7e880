package dev.loopbench.soak;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes daemon threads named {@code <prefix>-<n>} and remembers each, so that a round can interrupt a loop's thread
 * and, at its end, find every thread it caused that is still alive. Daemon, so that a thread stuck for good cannot
 * keep the soak's JVM from exiting. Thread safe.
 */
final class TrackingThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Thread> made = new ConcurrentLinkedQueue<>();

    TrackingThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + sequence.incrementAndGet());
        thread.setDaemon(true);
        made.add(thread);
        return thread;
    }

    /** Every thread made so far, alive or not. */
    List<Thread> made() {
        return List.copyOf(made);
    }
}
