package dev.loopbench.loop.support;

import java.util.concurrent.ThreadFactory;

/**
 * Knows which threads are event-loop threads, of any loop. A loop thread must never wait for another loop to
 * stop: two loops whose tasks stop each other would wait for each other forever.
 */
public final class LoopThreads {

    private static final ThreadLocal<Boolean> IS_LOOP_THREAD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private LoopThreads() {
    }

    /** Wraps the factory of a loop's thread so that the threads it makes are known as loop threads. */
    public static ThreadFactory marking(ThreadFactory factory) {
        return body -> factory.newThread(() -> {
            IS_LOOP_THREAD.set(Boolean.TRUE);
            body.run();
        });
    }

    /** Whether the calling thread runs some event loop. */
    static boolean isLoopThread() {
        return IS_LOOP_THREAD.get();
    }
}
