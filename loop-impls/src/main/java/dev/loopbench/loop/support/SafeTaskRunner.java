package dev.loopbench.loop.support;

/**
 * Runs a loop's tasks under the contract's fault rule: whatever a task throws, {@link Error}s included, goes to the
 * loop's uncaught-exception handler and the loop goes on. Only a handler that throws in turn ends the loop, and
 * this class does not end it: it hands the throwable back to the loop, which dies of it.
 *
 * <h2>Thread contract</h2>
 * The loop thread only (or the adapted executor's thread that runs the loop's tasks).
 */
final class SafeTaskRunner {

    private final Thread.UncaughtExceptionHandler uncaughtExceptionHandler;

    SafeTaskRunner(Thread.UncaughtExceptionHandler uncaughtExceptionHandler) {
        this.uncaughtExceptionHandler = uncaughtExceptionHandler;
    }

    /** @return null, or the handler's own failure (the task's throwable suppressed in it), of which the loop dies */
    Throwable run(Runnable task) {
        // every task starts uninterrupted: an interrupt a task left behind, or sent to the idle loop, was not for
        // the next one (shutdownNow() stops the loop through the state, not through this flag)
        Thread.interrupted();
        try {
            task.run();
            return null;
        } catch (Throwable thrown) {
            try {
                uncaughtExceptionHandler.uncaughtException(Thread.currentThread(), thrown);
                return null;
            } catch (Throwable handlerFailure) {
                if (handlerFailure != thrown) { // a fail-fast handler rethrows the task's own throwable
                    handlerFailure.addSuppressed(thrown);
                }
                return handlerFailure;
            }
        }
    }
}
