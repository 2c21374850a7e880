package dev.loopbench.loop;

import java.util.concurrent.RejectedExecutionException;

/**
 * Completes the future of a task that the loop accepted but will never run, because the loop was stopped
 * ({@link EventLoop#shutdownNow()}) or its thread died. It is a {@link RejectedExecutionException}, so code
 * that already handles rejection handles this too.
 */
public final class LoopTerminatedException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    public LoopTerminatedException(String loopName, String why) {
        super("event loop '" + loopName + "' " + why);
    }

    public LoopTerminatedException(String loopName, String why, Throwable cause) {
        super("event loop '" + loopName + "' " + why, cause);
    }
}
