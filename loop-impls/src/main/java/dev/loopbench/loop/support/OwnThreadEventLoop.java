package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopSettings;

import java.util.List;

/**
 * The base of the library's own loops: one thread from the settings' factory runs {@link #runLoop()}, which
 * takes tasks from the subclass's queue and idles through the subclass's {@link #awaitWork()} when there are
 * none. A subclass supplies the queue ({@link #enqueue}, {@link #poll}) and the way to sleep and be woken.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>{@link #awaitWork} returns once a task is queued or {@link #mayIdle()} turns false, under any
 *       interleaving with {@link #enqueue} and {@link #wakeUp()}: no wakeup is lost.</li>
 *   <li>The loop exits only when the queue is empty after input closed, or when it is stopping.</li>
 * </ol>
 */
public abstract class OwnThreadEventLoop extends AbstractEventLoop {

    /** Tasks started before the count is published though the queue has not run dry (see {@link #countTasksRun}). */
    private static final int MAX_UNCOUNTED_TASKS = 1024;

    private final Thread thread;

    protected OwnThreadEventLoop(LoopSettings settings) {
        super(settings);
        this.thread = LoopThreads.marking(settings.threadFactory()).newThread(this::runLoop);
    }

    /** Starts the loop thread; the subclass calls it last in its constructor, once its queue exists. */
    protected final void start() {
        thread.start();
    }

    /** The loop thread, for subclasses that unpark it. */
    protected final Thread thread() {
        return thread;
    }

    @Override
    public final boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** Loop thread only: the next queued task, or null if the queue is empty. */
    protected abstract Runnable poll();

    /**
     * Loop thread only: sleeps or spins, as the loop's idle strategy says, until a task may be queued or
     * {@link #mayIdle()} is false. May return early; the caller polls again.
     *
     * @param emptyPolls polls that found the queue empty since the last task, this one included; kept by the
     *                   run loop on its own stack, so that nothing the producers read is written per task
     */
    protected abstract void awaitWork(int emptyPolls);

    /** Any thread: makes {@link #awaitWork} return if the loop is in it. */
    protected abstract void wakeUp();

    private void runLoop() {
        long uncounted = 0;
        try {
            int emptyPolls = 0;
            while (true) {
                int state = state(); // read before polling: see afterEmptyPoll
                Runnable task = poll();
                if (task == null) {
                    if (uncounted != 0) {
                        countTasksRun(uncounted);
                        uncounted = 0;
                    }
                    int next = afterEmptyPoll(state);
                    if (next == FINISHED) {
                        return;
                    }
                    if (next == IDLE) {
                        awaitWork(++emptyPolls);
                    }
                } else if (!runUnlessStopping(task, emptyPolls != 0)) {
                    return;
                } else if (emptyPolls != 0) {
                    emptyPolls = 0; // the first task after an idle spell was counted as it started
                } else if (++uncounted == MAX_UNCOUNTED_TASKS) {
                    // a loop that never runs dry still reports
                    countTasksRun(uncounted);
                    uncounted = 0;
                }
            }
        } catch (Throwable loopFailure) {
            // a fault outside any task, e.g. OutOfMemoryError in the queue: the loop dies, no future hangs
            die(loopFailure);
        } finally {
            countTasksRun(uncounted);
            markTerminated();
        }
    }

    @Override
    protected final void drainQueue(List<Runnable> into) {
        assert inEventLoop();
        for (Runnable task; (task = poll()) != null; ) {
            into.add(task);
        }
    }

    @Override
    protected final void onInputClosed() {
        // runLoop() closed input itself and polls again
    }

    @Override
    protected final void requestCloseCheck() {
        wakeUp();
    }

    @Override
    protected final void requestStop() {
        thread.interrupt();
        wakeUp();
    }

    @Override
    protected final void onStopped() {
        // runLoop() sees STOPPING after the current task and returns
    }
}
