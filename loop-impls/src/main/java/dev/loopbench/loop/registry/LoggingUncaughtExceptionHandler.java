package dev.loopbench.loop.registry;

import dev.loopbench.loop.EventLoop;
/** The default handler of throwables that escape a loop's tasks: it logs them and lets the loop go on. */
final class LoggingUncaughtExceptionHandler implements Thread.UncaughtExceptionHandler {

    static final LoggingUncaughtExceptionHandler INSTANCE = new LoggingUncaughtExceptionHandler();

    private static final System.Logger LOGGER = System.getLogger(EventLoop.class.getName());

    private LoggingUncaughtExceptionHandler() {
    }

    @Override
    public void uncaughtException(Thread thread, Throwable thrown) {
        LOGGER.log(System.Logger.Level.WARNING, "a task threw on event-loop thread " + thread.getName(), thrown);
    }
}
