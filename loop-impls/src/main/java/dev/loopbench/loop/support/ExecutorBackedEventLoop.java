package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The base of the adapters: a single-threaded executor from another library runs the tasks, and this class
 * makes it keep the contract where the library alone does not. Every task reaches the executor inside a
 * {@link Gate}, which
 * <ul>
 *   <li>catches whatever the task throws, so that no task ends the executor's thread (Netty's
 *       {@code DefaultEventLoop} and {@code ThreadPoolExecutor} workers both die of an escaping throwable);</li>
 *   <li>stops instead of running once {@link #shutdownNow()} has been called, and then takes the rest of the
 *       executor's queue out on the loop thread, so every never-started task's future completes (a
 *       {@code ThreadPoolExecutor} leaves them pending forever).</li>
 * </ul>
 */
public abstract class ExecutorBackedEventLoop extends AbstractEventLoop {

    /**
     * Queued by {@link #requestStop()}, once the state is {@code STOPPING}, so that an idle executor has something to
     * run, and so stops. Not a gate: never returned as a task.
     */
    private final Runnable stopSignal = this::stopIdleLoop;
    /** Queued by {@link #requestCloseCheck()}: not a gate, so never counted as a task nor returned as one. */
    private final Runnable closeCheck = this::closeInputIfDrained;

    protected ExecutorBackedEventLoop(LoopSettings settings) {
        super(settings);
    }

    /** Hands a gate to the underlying executor; may throw {@link RejectedExecutionException} once it shut down. */
    protected abstract void executeOnUnderlying(Runnable gate);

    /** Loop thread only: moves everything queued in the underlying executor into {@code into}. */
    protected abstract void drainUnderlying(List<Runnable> into);

    /**
     * Shuts the underlying executor down gracefully, so that it runs what it holds and terminates; its
     * termination must call {@link #markTerminated()}.
     */
    protected abstract void shutdownUnderlying();

    /** Interrupts the underlying executor's thread, if it has one yet. */
    protected abstract void interruptLoopThread();

    /** Loop thread only: whether the underlying executor has tasks queued. */
    protected abstract boolean underlyingHasQueuedTasks();

    @Override
    protected final void enqueue(Runnable task) {
        executeOnUnderlying(new Gate(task));
    }

    @Override
    protected final void drainQueue(List<Runnable> into) {
        List<Runnable> gates = new ArrayList<>();
        drainUnderlying(gates);
        for (Runnable queued : gates) {
            if (queued instanceof Gate) {
                into.add(((Gate) queued).task);
            }
        }
    }

    @Override
    protected final void onInputClosed() {
        shutdownUnderlying();
    }

    @Override
    protected final void requestCloseCheck() {
        try {
            executeOnUnderlying(closeCheck);
        } catch (RejectedExecutionException alreadyShutDown) {
            // input closed or the loop stopped already: nothing left to check
        }
    }

    /** Loop thread only, between tasks. */
    private void closeInputIfDrained() {
        if (state() == SHUTTING_DOWN && !underlyingHasQueuedTasks()) {
            closeInput();
        }
    }

    @Override
    protected final void requestStop() {
        interruptLoopThread();
        try {
            executeOnUnderlying(stopSignal);
        } catch (RejectedExecutionException alreadyShuttingDown) {
            // the executor is already running out its queue after shutdown(); queued gates see the stop, and
            // its termination releases the shutdownNow() caller
        }
    }

    /** Loop thread only, run as {@link #stopSignal}. */
    private void stopIdleLoop() {
        stopOnLoopThread(null, stoppedBeforeRunning());
    }

    @Override
    protected final void onStopped() {
        shutdownUnderlying();
    }

    /** Runs one task for the underlying executor under the contract's rules. */
    private final class Gate implements Runnable {

        private final Runnable task;

        Gate(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            // each task counted as it starts: the adapted executor tells nobody when its queue runs dry
            if (runUnlessStopping(task, true)) {
                closeInputIfDrained();
            }
        }

        @Override
        public String toString() {
            return "Gate[" + task + "]";
        }
    }
}
