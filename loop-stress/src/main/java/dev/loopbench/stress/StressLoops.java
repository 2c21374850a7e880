package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;

import java.util.concurrent.TimeUnit;

/** What the stress tests share: how they make a loop, and how long an arbiter waits for one to terminate. */
final class StressLoops {

    /** Long enough for a loaded 2-CPU machine; a loop that has not terminated by then never will. */
    static final long TERMINATION_WAIT_SECONDS = 10;

    /** A ring loop's size for a test that needs no overflow: small, since every sample builds its own loop. */
    static final String SMALL_RING = "64";

    private StressLoops() {
    }

    /**
     * An {@code mpsc} loop that parks as soon as its queue is empty, so that every sample meets the loop on its way
     * to sleep, where the wakeup handshake is.
     */
    static EventLoop parkingMpscLoop() {
        return EventLoopRegistry.builder("mpsc").option("idle", "park").build();
    }

    /** 1 if {@code loop} terminated within the wait, 0 if not, -1 if the arbiter was interrupted. */
    static int terminated(EventLoop loop) {
        try {
            return loop.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS) ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
