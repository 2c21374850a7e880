package dev.loopbench.loop.registry;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default thread factory: daemon threads, so that a loop a user forgot to close never keeps the JVM
 * (or a JMH fork) alive, named after the loop so that thread dumps say whose thread it is.
 */
final class NamedDaemonThreadFactory implements ThreadFactory {

    private final String loopName;
    private final AtomicInteger threadsMade = new AtomicInteger();

    NamedDaemonThreadFactory(String loopName) {
        this.loopName = loopName;
    }

    @Override
    public Thread newThread(Runnable body) {
        int index = threadsMade.getAndIncrement();
        Thread thread = new Thread(body, index == 0 ? loopName : loopName + "-" + index);
        thread.setDaemon(true);
        return thread;
    }
}
