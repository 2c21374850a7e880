package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;

/** A queued task with a future of its own, which must complete even if the loop never runs the task. */
interface AbandonableTask extends Runnable {

    /**
     * Completes the task's future with {@code cause}.
     *
     * @return the task to report to the {@code shutdownNow()} caller as never started, or null for the loop's
     *         own bookkeeping tasks, which no caller gave it
     */
    Runnable abandon(LoopTerminatedException cause);
}
