package dev.loopbench.bench.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a benchmark starts besides its loop: ping-pong partners, a queue consumer, an offload pool. They are
 * daemons, so that one a failing benchmark could not stop never keeps its fork alive; every benchmark still stops
 * its own in {@code @TearDown} and fails if one lingers ({@link BoundedWaits#join}).
 */
public final class HelperThreads {

    private HelperThreads() {
    }

    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Daemon threads named {@code prefix-N}, for pools. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger made = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(body, prefix + "-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
