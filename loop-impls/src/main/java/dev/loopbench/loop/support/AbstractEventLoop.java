package dev.loopbench.loop.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.LoopTerminatedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The contract's rules, written once for every implementation: the lifecycle, the entry points, offloading,
 * confinement and fault handling. A subclass supplies only its queue and its thread: how a task gets to the
 * loop thread ({@link #enqueue}), how the loop thread empties the queue when stopping ({@link #drainQueue}),
 * how it gets the loop thread to look whether a graceful shutdown can close input ({@link #requestCloseCheck}),
 * and what happens once no more input can arrive ({@link #onInputClosed}).
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
 * <ol>
 *   <li>A producer marks its own {@link ProducerSlot} with this loop <em>before</em> it reads the state and
 *       clears it <em>after</em> its task is in the queue. So once the state is past {@code RUNNING} and every slot
 *       has been seen clear of this loop, every accepted task is in the queue: nothing accepted is lost between
 *       the check and the offer. No producer writes anything shared with other producers to be admitted.</li>
 *   <li>A producer reads the state once before it marks its slot and is refused at once if the loop no longer
 *       admits it, so producers that retry after a rejection never mark their slots again: they cannot keep a
 *       closer waiting.</li>
 *   <li>An offload enters the in-flight count of its {@link OffloadTracker} before it reads the state, and leaves it only when its outcome
 *       has been delivered on the loop thread (or, once the loop is stopping, straight to its future). Input
 *       closes only when it is zero, so a graceful shutdown delivers every in-flight outcome. The one that brings it
 *       to zero during a shutdown asks the loop thread to look again ({@link #requestCloseCheck}).</li>
 *   <li>Only the loop thread closes input, and only between tasks with its queue seen empty: no continuation that a
 *       task run before the close schedules, nor one that the loop thread fires, can come after it. Only the tasks
 *       of producers admitted just before the close run after it (invariant 1), and a continuation they schedule
 *       is refused, its stage completed exceptionally: a narrow race, never a pending future.</li>
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

    private static final VarHandle TASKS_RUN;

    static {
        try {
            TASKS_RUN = MethodHandles.lookup().findVarHandle(AbstractEventLoop.class, "tasksRun", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Thread.UncaughtExceptionHandler uncaughtExceptionHandler;
    /** 0 for no bound. */
    private final int maxPendingTasks;
    private final LoopLifecycle lifecycle = new LoopLifecycle();
    private final OffloadTracker offloads = new OffloadTracker();
    /** Completed by the loop thread with the never-started tasks once it has stopped taking tasks. */
    private final CompletableFuture<List<Runnable>> abandonedTasks = new CompletableFuture<>();
    private final Executor continuations = task -> accept(Objects.requireNonNull(task, "task"), true);

    /**
     * Written by the loop thread only (opaque), read by anyone. Published per batch by {@link #countTasksRun}, not
     * per task: a store per task would dirty this object's line under the producers' reads of {@code state}.
     */
    private long tasksRun;

    protected AbstractEventLoop(LoopSettings settings) {
        this.name = settings.name();
        this.uncaughtExceptionHandler = settings.uncaughtExceptionHandler();
        this.maxPendingTasks = settings.nonNegativeIntOption(LoopOption.MAX_PENDING_TASKS);
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

    /** Counts wakeups issued; {@link LoopCounters#NOT_COUNTED} where the implementation cannot. */
    protected long wakeupsIssued() {
        return LoopCounters.NOT_COUNTED;
    }

    // ------------------------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------------------------

    @Override
    public final void execute(Runnable task) {
        accept(Objects.requireNonNull(task, "task"), false);
    }

    @Override
    public final <V> CompletableFuture<V> submit(Callable<V> task) {
        SubmittedTask<V> submitted = new SubmittedTask<>(this, Objects.requireNonNull(task, "task"));
        accept(submitted, false);
        return submitted;
    }

    @Override
    public final <V> CompletableFuture<V> offload(Executor pool, Callable<V> blocking) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(blocking, "blocking");
        if (lifecycle.state() != RUNNING) {
            throw rejected(); // as in accept(): a refused caller leaves no mark that could hold a close open
        }
        offloads.enter();
        if (lifecycle.state() != RUNNING) {
            offloadLeft(offloads.leave());
            throw rejected();
        }
        OffloadFuture<V> result = new OffloadFuture<>(this, blocking);
        offloads.started(result);
        try {
            pool.execute(result.blockingCall());
        } catch (RuntimeException | Error refusedByPool) {
            // The loop accepted the work but the pool did not: the future says so instead of the caller.
            result.completeExceptionally(refusedByPool);
            result.finish();
        }
        return result;
    }

    /**
     * Where the {@code *Async} stages of this loop's futures reach the loop: unlike {@link #execute}, it takes them
     * during a graceful shutdown, from any thread, until input closes.
     */
    final Executor continuationExecutor() {
        return continuations;
    }

    private void accept(Runnable task, boolean continuation) {
        if (!admits(lifecycle.state(), continuation)) {
            throw rejected(); // invariant 2: a refused producer leaves no mark
        }
        if (maxPendingTasks != 0 && !continuation && pendingTasks() >= maxPendingTasks) {
            throw new RejectedExecutionException("event loop '" + name + "' has " + maxPendingTasks
                    + " tasks pending, its maxPendingTasks bound, and accepts no more until it runs some");
        }
        ProducerSlot slot = ProducerSlot.current();
        slot.enter(this);
        try {
            // ordering point (invariant 1): the slot is marked before this read of the state
            if (!admits(lifecycle.state(), continuation)) {
                throw rejected();
            }
            enqueue(task);
        } finally {
            slot.exit();
        }
    }

    private static boolean admits(int current, boolean continuation) {
        return current == RUNNING || (continuation && current == SHUTTING_DOWN);
    }

    /**
     * Any thread: brings an offload's outcome back to the loop. Enqueues even after {@link #shutdown()}, which
     * waits for it (invariant 3); once the loop is stopping, completes the future here instead, so the pool
     * thread never sees an exception.
     */
    final void deliverOffloadOutcome(OffloadFuture<?> delivery) {
        ProducerSlot slot = ProducerSlot.current();
        slot.enter(this);
        try {
            // ordering point (invariant 1): the slot is marked before this read of the state
            if (lifecycle.state() < STOPPING) {
                enqueue(delivery);
                return;
            }
        } catch (Throwable refused) {
            // e.g. a Netty queue bounded by io.netty.eventLoop.maxPendingTasks: the pool thread must not see it
            delivery.abandon(new LoopTerminatedException(name, "could not take the offloaded call's outcome", refused));
            return;
        } finally {
            slot.exit();
        }
        delivery.abandon(new LoopTerminatedException(name, "had stopped when the offloaded call finished"));
    }

    /** Called once per offload, by {@link OffloadFuture#finish()}: it no longer holds input open. */
    final void offloadFinished(OffloadFuture<?> offload) {
        offloadLeft(offloads.finished(offload));
    }

    private void offloadLeft(boolean noneInFlight) {
        // ordering point (invariant 3): the count reaches zero before this read of the state, and shutdown() moves
        // the state before the loop reads the count, so one of the two asks for the close
        if (noneInFlight && lifecycle.state() == SHUTTING_DOWN) {
            requestCloseCheck();
        }
    }

    private RejectedExecutionException rejected() {
        int current = lifecycle.state();
        String why = current >= STOPPING ? "has stopped" : current == SHUTDOWN ? "has shut down" : "is shutting down";
        return new RejectedExecutionException("event loop '" + name + "' " + why + " and accepts no new tasks");
    }

    // ------------------------------------------------------------------------------------------------------
    // Running tasks (loop thread only)
    // ------------------------------------------------------------------------------------------------------

    /**
     * Loop thread only: runs one task under the contract's fault rules. A throwable from the task goes to the
     * uncaught-exception handler; if the handler itself throws, the loop dies: it moves to {@code STOPPING}
     * and abandons its queue, so the caller sees {@link #state()} at {@code STOPPING} or beyond.
     */
    protected final void runTask(Runnable task) {
        // every task starts uninterrupted: an interrupt a task left behind, or sent to the idle loop, was not for
        // the next one (shutdownNow() stops the loop through the state, not through this flag)
        Thread.interrupted();
        try {
            task.run();
        } catch (Throwable thrown) {
            try {
                uncaughtExceptionHandler.uncaughtException(Thread.currentThread(), thrown);
            } catch (Throwable handlerFailure) {
                if (handlerFailure != thrown) { // a fail-fast handler rethrows the task's own throwable
                    handlerFailure.addSuppressed(thrown);
                }
                die(handlerFailure);
            }
        }
    }

    /**
     * Loop thread only, once the loop has reached {@code STOPPING}: takes every queued task out, completes
     * their futures with {@code cause}, hands the never-started ones to the {@link #shutdownNow()} caller and
     * calls {@link #onStopped()}. Runs once, moving the state to {@code STOPPED}; a later call (e.g. the run loop's,
     * after a task called {@code shutdownNow()}) only abandons {@code alsoAbandoned}.
     *
     * @param alsoAbandoned a task already taken from the queue but not started, or null
     */
    protected final void stopOnLoopThread(Runnable alsoAbandoned, LoopTerminatedException cause) {
        if (!lifecycle.advance(STOPPED)) {
            if (alsoAbandoned instanceof AbandonableTask) {
                ((AbandonableTask) alsoAbandoned).abandon(cause);
            }
            return;
        }
        awaitProducersOutside();
        List<Runnable> queued = new ArrayList<>();
        if (alsoAbandoned != null) {
            queued.add(alsoAbandoned);
        }
        drainQueue(queued);
        List<Runnable> neverStarted = new ArrayList<>(queued.size());
        for (Runnable task : queued) {
            Runnable reported = task instanceof AbandonableTask
                    ? ((AbandonableTask) task).abandon(cause) : task;
            if (reported != null) {
                neverStarted.add(reported);
            }
        }
        // offloads still running on their pools: their outcomes will find the loop stopped, so end them now
        offloads.abandonAll(() -> new LoopTerminatedException(name, "stopped before the offloaded call finished"));
        abandonedTasks.complete(List.copyOf(neverStarted));
        onStopped();
    }

    /**
     * Loop thread only: adds {@code started} tasks to what {@link #counters()} reports. Called at least whenever
     * the loop runs out of queued tasks, and when it ends, so that the count is exact once the loop is idle or
     * terminated.
     */
    protected final void countTasksRun(long started) {
        TASKS_RUN.setOpaque(this, tasksRun + started);
    }

    /** Loop thread only, when {@link #stopOnLoopThread} has emptied the queue: stop the thread and terminate. */
    protected abstract void onStopped();

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
        abandonedTasks.complete(List.of());
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
     * Loop thread only, between tasks and with the queue seen empty (invariant 4): closes input if a graceful
     * shutdown has no offload left in flight, waits out producers that were admitted before (invariant 1), and
     * calls {@link #onInputClosed()}. What they queued is still to run.
     *
     * @return whether input closed
     */
    protected final boolean closeInput() {
        if (offloads.anyInFlight() || !lifecycle.compareAndSet(SHUTTING_DOWN, SHUTDOWN)) {
            return false;
        }
        awaitProducersOutside();
        onInputClosed();
        return true;
    }

    /**
     * Waits out producers that passed their state check before it changed. Their window is a queue offer long,
     * and no producer enters once the state refuses it (invariant 2), so this ends when they are scheduled.
     */
    private void awaitProducersOutside() {
        ProducerSlot.awaitNoneInside(this);
    }

    @Override
    public final List<Runnable> shutdownNow() {
        if (!lifecycle.advance(STOPPING)) {
            return List.of();
        }
        if (inEventLoop()) {
            stopOnLoopThread(null, stoppedBeforeRunning());
            return abandonedTasks.join(); // completed just now, on this thread
        }
        requestStop();
        if (LoopThreads.isLoopThread()) {
            return List.of(); // waiting here could deadlock two loops that stop each other
        }
        try {
            return abandonedTasks.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
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
        if (inEventLoop()) {
            return;
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
        return new LoopCounters((long) TASKS_RUN.getOpaque(this), wakeupsIssued());
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
