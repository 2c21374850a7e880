package dev.loopbench.loop.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.LoopTerminatedException;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The contract's rules, written once for every implementation, as the composition of one small class per job:
 * {@link LoopLifecycle} (the state, and waiting for its end), {@link Admission} (which producer's task enters the
 * queue in which state), {@link OffloadTracker} (offloads in flight), {@link SafeTaskRunner} (a task's faults),
 * {@link StopDrain} (the queue taken out on a stop) and {@link SingleWriterCounter} (tasks run). A subclass supplies
 * only its queue and its thread, through the abstract methods: how a task gets to the loop thread
 * ({@link #enqueue}), how many wait ({@link #pendingTasks}), how the loop thread empties the queue when stopping
 * ({@link #drainQueue}), how it gets the loop thread to look whether a graceful shutdown can close input
 * ({@link #requestCloseCheck}), what happens once no more input can arrive ({@link #onInputClosed}), how a
 * {@code shutdownNow()} reaches the loop thread and what it does once stopped ({@link #requestStop},
 * {@link #onStopped}), and which thread is the loop's ({@link #inEventLoop}).
 *
 * <h2>Shutdown, in one rule</h2>
 * Once {@link #shutdown()} has begun, {@code execute}, {@code submit} and {@code offload} are refused from every
 * thread, the loop's own included, so a task that reschedules itself ends with the shutdown. Continuations of
 * work accepted before are still taken, from any thread: offload outcomes, and the {@code *Async} stages of this
 * loop's futures that run on this loop (they reach it through {@link #continuationExecutor()}, see
 * {@link LoopFuture}). The loop thread closes input once its queue is empty, no task runs and no offload is in
 * flight; a continuation that comes later is refused, and its stage completes exceptionally.
 *
 * <h2>Thread contract</h2>
 * Public methods may be called from any thread. Methods documented "loop thread only" are called by the
 * subclass's run loop (or by the adapted executor's thread) and never elsewhere.
 *
 * <h2>Lifecycle</h2>
 * {@link LoopLifecycle}'s one state, only ever advanced, by CAS:
 * {@code RUNNING < SHUTTING_DOWN < SHUTDOWN < STOPPING < STOPPED < TERMINATED}. Everything else that says how far
 * the loop has got ({@link #isShutdown()}, {@link #isTerminated()}, {@link #awaitTermination}, {@link #close()},
 * whether the queue was taken out) reads it.
 *
 * <h2>Invariants</h2>
 * Besides {@link Admission}'s (nothing accepted is lost between the state check and the offer) and
 * {@link OffloadTracker}'s (a graceful shutdown delivers every offload in flight):
 * <ol>
 *   <li>Only the loop thread closes input, and only between tasks with its queue seen empty: no continuation that a
 *       task run before the close schedules, nor one that the loop thread fires, can come after it. Only the tasks
 *       of producers admitted just before the close run after it, and a continuation they schedule is refused, its
 *       stage completed exceptionally: a narrow race, never a pending future.</li>
 *   <li>Only the loop thread takes tasks out of the queue, {@link #drainQueue} included.</li>
 * </ol>
 */
public abstract class AbstractEventLoop implements EventLoop {

    protected static final int RUNNING = LoopLifecycle.RUNNING;
    protected static final int SHUTTING_DOWN = LoopLifecycle.SHUTTING_DOWN;
    protected static final int SHUTDOWN = LoopLifecycle.SHUTDOWN;
    protected static final int STOPPING = LoopLifecycle.STOPPING;
    protected static final int STOPPED = LoopLifecycle.STOPPED;
    protected static final int TERMINATED = LoopLifecycle.TERMINATED;

    private final String name;
    private final LoopLifecycle lifecycle = new LoopLifecycle();
    private final Admission admission;
    private final OffloadTracker offloads;
    private final SafeTaskRunner taskRunner;
    private final StopDrain stopDrain;
    /**
     * Published per batch by {@link #countTasksRun}, not per task: the loop would pay a store per task, into a
     * cache line that may hold the state the producers read.
     */
    private final SingleWriterCounter tasksRun = new SingleWriterCounter();
    private final Executor continuations;

    protected AbstractEventLoop(LoopSettings settings) {
        Slowdown.initialize();
        this.name = settings.name();
        this.admission = new Admission(this, lifecycle, settings.nonNegativeIntOption(LoopOption.MAX_PENDING_TASKS));
        this.offloads = new OffloadTracker(this, lifecycle, admission);
        this.taskRunner = new SafeTaskRunner(settings.uncaughtExceptionHandler());
        this.stopDrain = new StopDrain(this, lifecycle, admission, offloads);
        this.continuations = task -> admission.accept(Objects.requireNonNull(task, "task"), true);
    }

    @Override
    public final String name() {
        return name;
    }


    // ------------------------------------------------------------------------------------------------------
    // What a subclass supplies
    // ------------------------------------------------------------------------------------------------------

    /** Hands {@code task} to the loop thread. Called with the caller's {@link ProducerSlot} marked. */
    protected abstract void enqueue(Runnable task);

    /** Loop thread only: moves every queued task into {@code into}, in queue order. */
    protected abstract void drainQueue(List<Runnable> into);

    /** Any thread: how many tasks are queued, as of a recent moment; read only when the loop has a bound. */
    protected abstract int pendingTasks();

    /**
     * Called once, on the loop thread, when input has closed (state {@code SHUTDOWN}): the loop should run what is
     * queued and then terminate.
     */
    protected abstract void onInputClosed();

    /**
     * Any thread, during a graceful shutdown: makes the loop thread call {@link #closeInput()} soon, between tasks
     * and with its queue seen empty, even if it is idle.
     */
    protected abstract void requestCloseCheck();

    /**
     * Called once, from the thread that moved the loop to {@code STOPPING}, unless that is the loop thread: the
     * loop thread should end its current task soon (interrupt it) and then call {@link #stopOnLoopThread}.
     */
    protected abstract void requestStop();

    /** Loop thread only, when {@link #stopOnLoopThread} has emptied the queue: stop the thread and terminate. */
    protected abstract void onStopped();

    /** Counts wakeups issued; {@link LoopCounters#NOT_COUNTED} where the implementation cannot. */
    protected long wakeupsIssued() {
        return LoopCounters.NOT_COUNTED;
    }

    // ------------------------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------------------------

    @Override
    public final void execute(Runnable task) {
        admission.accept(Objects.requireNonNull(task, "task"), false);
    }

    @Override
    public final <V> CompletableFuture<V> submit(Callable<V> task) {
        SubmittedTask<V> submitted = new SubmittedTask<>(this, Objects.requireNonNull(task, "task"));
        admission.accept(submitted, false);
        return submitted;
    }

    @Override
    public final <V> CompletableFuture<V> offload(Executor pool, Callable<V> blocking) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(blocking, "blocking");
        return offloads.start(pool, blocking);
    }

    /**
     * Where the {@code *Async} stages of this loop's futures reach the loop: unlike {@link #execute}, it takes them
     * during a graceful shutdown, from any thread, until input closes.
     */
    final Executor continuationExecutor() {
        return continuations;
    }

    // ------------------------------------------------------------------------------------------------------
    // Running and stopping (loop thread only)
    // ------------------------------------------------------------------------------------------------------

    /**
     * Loop thread only: runs one task under the contract's fault rules. A throwable from the task goes to the
     * uncaught-exception handler; if the handler itself throws, the loop dies: it moves to {@code STOPPING}
     * and abandons its queue, so the caller sees {@link #state()} at {@code STOPPING} or beyond.
     */
    protected final void runTask(Runnable task) {
        Slowdown.perTask();
        Throwable handlerFailure = taskRunner.run(task);
        if (handlerFailure != null) {
            die(handlerFailure);
        }
    }

    /**
     * Loop thread only, once the loop has reached {@code STOPPING}: takes every queued task out, completes
     * their futures with {@code cause}, hands the never-started ones to the {@link #shutdownNow()} caller and
     * calls {@link #onStopped()}. Runs once, moving the state to {@code STOPPED}; a later call only abandons
     * {@code alsoAbandoned}.
     *
     * @param alsoAbandoned a task already taken from the queue but not started, or null
     */
    protected final void stopOnLoopThread(Runnable alsoAbandoned, LoopTerminatedException cause) {
        if (stopDrain.drain(alsoAbandoned, cause)) {
            onStopped();
        }
    }

    /**
     * Loop thread only: adds {@code started} tasks to what {@link #counters()} reports. Called at least whenever
     * the loop runs out of queued tasks, and when it ends, so that the count is exact once the loop is idle or
     * terminated.
     */
    protected final void countTasksRun(long started) {
        tasksRun.add(started);
    }

    /** The exception that completes the futures of tasks abandoned by {@link #shutdownNow()}. */
    protected final LoopTerminatedException stoppedBeforeRunning() {
        return new LoopTerminatedException(name, "was stopped by shutdownNow() before running the task");
    }

    /** Loop thread only: the loop thread cannot go on; every pending future completes exceptionally. */
    protected final void die(Throwable cause) {
        lifecycle.advance(STOPPING);
        stopOnLoopThread(null, new LoopTerminatedException(name, "died before running the task", cause));
    }

    /** Any thread: the loop thread has finished; wakes everyone waiting in {@link #awaitTermination}. */
    protected final void markTerminated() {
        stopDrain.noneLeft();
        lifecycle.terminate();
    }

    // ------------------------------------------------------------------------------------------------------
    // Lifecycle
    // ------------------------------------------------------------------------------------------------------

    protected final int state() {
        return lifecycle.state();
    }

    @Override
    public final void shutdown() {
        if (lifecycle.compareAndSet(RUNNING, SHUTTING_DOWN)) {
            requestCloseCheck();
        }
    }

    /**
     * Whether the loop thread may idle now: while running, or while a graceful shutdown waits for offloads. Once
     * a shutdown has no offload left to wait for, the loop must go on to {@link #closeInput()} instead.
     */
    protected final boolean mayIdle() {
        int current = lifecycle.state();
        return current == RUNNING || (current == SHUTTING_DOWN && offloads.anyInFlight());
    }

    /**
     * Loop thread only, between tasks and with the queue seen empty (invariant 1): closes input if a graceful
     * shutdown has no offload left in flight, waits out producers that were admitted before ({@link Admission}),
     * and calls {@link #onInputClosed()}. What they queued is still to run.
     *
     * @return whether input closed
     */
    protected final boolean closeInput() {
        if (offloads.anyInFlight() || !lifecycle.compareAndSet(SHUTTING_DOWN, SHUTDOWN)) {
            return false;
        }
        admission.awaitProducersOutside();
        onInputClosed();
        return true;
    }

    @Override
    public final List<Runnable> shutdownNow() {
        if (!lifecycle.advance(STOPPING)) {
            return List.of();
        }
        if (inEventLoop()) {
            stopOnLoopThread(null, stoppedBeforeRunning());
            return stopDrain.awaitNeverStarted(); // completed just now, on this thread
        }
        requestStop();
        if (LoopThreads.isLoopThread()) {
            return List.of(); // waiting here could deadlock two loops that stop each other
        }
        return stopDrain.awaitNeverStarted();
    }

    @Override
    public final boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (!lifecycle.isTerminated() && inEventLoop()) {
            throw new IllegalStateException("awaitTermination() on the thread of event loop '" + name
                    + "' would wait for itself forever");
        }
        return lifecycle.awaitTerminated(unit.toNanos(timeout));
    }

    @Override
    public final boolean isShutdown() {
        return lifecycle.state() >= SHUTTING_DOWN;
    }

    @Override
    public final boolean isTerminated() {
        return lifecycle.isTerminated();
    }

    @Override
    public final void close() {
        shutdown();
        if (LoopThreads.isLoopThread()) {
            return; // this loop's thread would wait for itself; another loop's could wait in a cycle of loops
        }
        // as JDK 19's ExecutorService.close(): an interrupted wait stops the loop as shutdownNow() does, waits on
        // for the current task to end, and returns with the caller's interrupt status set
        boolean interrupted = false;
        while (!lifecycle.isTerminated()) {
            try {
                lifecycle.awaitTerminated(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    shutdownNow();
                }
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final LoopCounters counters() {
        return new LoopCounters(tasksRun.get(), wakeupsIssued());
    }

    /** Message of the {@link IllegalStateException} that replaces a self-deadlock on the loop thread. */
    final String selfDeadlockMessage(String operation) {
        return operation + " on an unfinished future of event loop '" + name
                + "' from that loop's own thread would deadlock it";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", state=" + lifecycle.state() + "]";
    }
}
