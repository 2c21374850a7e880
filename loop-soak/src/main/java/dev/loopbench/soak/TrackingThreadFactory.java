package dev.loopbench.soak;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes daemon threads named {@code <prefix>-<n>} and remembers each, so that a round can interrupt a loop's thread
 * and, at its end, find every thread it caused that is still alive, and each that died of a throwable. Daemon, so that a thread stuck for good cannot
 * keep the soak's JVM from exiting. Thread safe.
 */
final class TrackingThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Thread> made = new ConcurrentLinkedQueue<>();
    private final Queue<String> deaths = new ConcurrentLinkedQueue<>();

    TrackingThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error death) {
                deaths.add(Thread.currentThread().getName() + " died of " + death);
                throw death;
            }
        }, prefix + "-" + sequence.incrementAndGet());
        thread.setDaemon(true);
        made.add(thread);
        return thread;
    }

    /** Each thread that ended by a throwable, and the throwable. */
    List<String> deaths() {
        return List.copyOf(deaths);
    }

    /** Every thread made so far, alive or not. */
    List<Thread> made() {
        return List.copyOf(made);
    }
}
