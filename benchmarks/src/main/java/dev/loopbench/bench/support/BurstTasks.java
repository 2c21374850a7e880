package dev.loopbench.bench.support;

import java.util.concurrent.Callable;

/**
 * The tasks of the burst load, shared by {@code BurstThroughput} (run by a loop) and {@code MpscQueueLimit} (run by
 * a bare consumer), so that the figure and its limit run the same tasks: each burns its {@link TaskWork} once and
 * counts itself; the last of a burst returns the count.
 *
 * <h2>Thread contract</h2>
 * The tasks run on one consumer thread; {@link #checkWholeBursts} reads the count once that thread has stopped.
 */
public final class BurstTasks {

    /** Consumer only, until it has stopped. */
    private final PaddedCounter tasksRun = new PaddedCounter();
    private final Runnable task;
    private final Callable<Long> lastTask;

    public BurstTasks(TaskWork work) {
        task = () -> {
            work.burn();
            tasksRun.increment();
        };
        lastTask = () -> {
            task.run();
            return tasksRun.get();
        };
    }

    public Runnable task() {
        return task;
    }

    /** The last task of a burst: its value, the count so far, reaches JMH, so no task is dead code. */
    public Callable<Long> lastTask() {
        return lastTask;
    }

    /** Fails unless the consumer ran whole bursts: no task lost, none run twice. */
    public void checkWholeBursts(String consumer) {
        long ran = tasksRun.get();
        if (ran == 0 || ran % BurstWindow.BURST != 0) {
            throw new IllegalStateException(consumer + " ran " + ran + " tasks, not whole bursts of " + BurstWindow.BURST);
        }
    }
}
