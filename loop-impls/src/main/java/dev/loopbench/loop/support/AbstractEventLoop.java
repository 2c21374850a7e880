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
 * {@link StopDrain} (the queue taken out on a stop) and {@link SingleWriterCounter} (tasks run), each of which sees
 * the loop only through a small interface of its own. A run loop takes its steps through two final methods:
 * {@link #runUnlessStopping} for each task it takes, {@link #afterEmptyPoll} when it finds the queue empty. A
 * subclass supplies only its queue and its thread, through the abstract methods: how a task gets to the loop thread
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
 * loop's futures that run on this loop (they reach it through its continuation executor, see
 * {@link LoopFuture}). The loop thread closes input once its queue is empty, no task runs and no offload is in
 * flight; a continuation that comes later is refused, and its stage completes exceptionally.
 *
 * <h2>Thread contract</h2>
 * Public methods may be called from any thread. Methods documented "loop thread only" are called by the
 * subclass's run loop (or by the adapted executor's thread) and never elsewhere; they {@code assert inEventLoop()},
 * as Netty's do, so every test run (Surefire enables assertions) checks it.
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

    /** {@link #afterEmptyPoll}: nothing to do; the loop may wait for work. */
    protected static final int IDLE = 0;
    /** {@link #afterEmptyPoll}: input has just closed; poll again before anything else. */
    protected static final int POLL_AGAIN = 1;
    /** {@link #afterEmptyPoll}: the loop has ended, stopped or shut down; its run loop returns. */
    protected static final int FINISHED = 2;

    private final String name;
    private final LoopLifecycle lifecycle = new LoopLifecycle();
    /** This loop as its parts see it, each through its own narrow view. */
    private final Parts parts;
    private final Admission admission;
    private final OffloadTracker offloads;
    private final SafeTaskRunner taskRunner;
    private final StopDrain stopDrain;
    /**
     * Published per batch by {@link #countTasksRun}, not per task: the loop would pay a store per task, into a
     * cache line that may hold the state the producers read.
     */
    private final SingleWriterCounter tasksRun = new SingleWriterCounter();
    /**
     * Where the {@code *Async} stages of this loop's futures reach the loop: unlike {@link #execute}, it takes them
     * during a graceful shutdown, from any thread, until input closes.
     */
    private final Executor continuations;

    protected AbstractEventLoop(LoopSettings settings) {
        Slowdown.initialize();
        this.name = settings.name();
        Parts parts = new Parts();
        this.parts = parts;
        this.admission = new Admission(parts, lifecycle, settings.nonNegativeIntOption(LoopOption.MAX_PENDING_TASKS));
        this.offloads = new OffloadTracker(parts, lifecycle, admission);
        this.taskRunner = new SafeTaskRunner(settings.uncaughtExceptionHandler());
        this.stopDrain = new StopDrain(parts, lifecycle);
        this.continuations = task -> admission.acceptContinuation(Objects.requireNonNull(task, "task"));
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
     * loop thread should end its current task soon (interrupt it) and then take its next task or poll, where
     * {@link #runUnlessStopping} or {@link #afterEmptyPoll} stops it.
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
        admission.accept(Objects.requireNonNull(task, "task"));
    }

    @Override
    public final <V> CompletableFuture<V> submit(Callable<V> task) {
        SubmittedTask<V> submitted = new SubmittedTask<>(parts, Objects.requireNonNull(task, "task"));
        admission.accept(submitted);
        return submitted;
    }

    @Override
    public final <V> CompletableFuture<V> offload(Executor pool, Callable<V> blocking) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(blocking, "blocking");
        return offloads.start(pool, blocking);
    }

    // ------------------------------------------------------------------------------------------------------
    // Running and stopping (loop thread only)
    // ------------------------------------------------------------------------------------------------------

    /**
     * Loop thread only: runs {@code task}, just taken from the queue, under the contract's fault rules, unless the
     * loop is stopping: then the task is abandoned with the rest of the queue ({@link #stopOnLoopThread}), and the
     * run loop is to end. The state is read after the task was taken, so a {@code shutdownNow()} that came while it
     * waited in the queue stops the loop before it runs.
     *
     * <p>A throwable from the task goes to the uncaught-exception handler; if the handler itself throws, the loop
     * dies ({@link #die}) and the next call returns false.
     *
     * @param firstOfBatch whether the task is the first since the loop last found its queue empty or published its
     *                     count: then it is counted before it runs, so that a task that woke an idle loop is in
     *                     {@link #counters()} once it has run. The batch's other tasks are the caller's to count
     *                     ({@link #countTasksRun}), at the latest when the queue runs dry.
     * @return false if the loop is stopping and the task was not run
     */
    protected final boolean runUnlessStopping(Runnable task, boolean firstOfBatch) {
        assert inEventLoop();
        if (lifecycle.state() >= STOPPING) {
            stopOnLoopThread(task, stoppedBeforeRunning());
            return false;
        }
        if (firstOfBatch) {
            countTasksRun(1);
        }
        Slowdown.perTask();
        Throwable handlerFailure = taskRunner.run(task);
        if (handlerFailure != null) {
            die(handlerFailure);
        }
        return true;
    }

    /**
     * Loop thread only, after a poll that found the queue empty: the lifecycle's next step, written once for every
     * run loop.
     * <ul>
     *   <li>stopping: takes the queue out ({@link #stopOnLoopThread}) and says {@link #FINISHED};</li>
     *   <li>input closed ({@code SHUTDOWN}): the graceful shutdown is complete, {@link #FINISHED};</li>
     *   <li>shutting down with no offload in flight: closes input ({@link #closeInput()}) and says
     *       {@link #POLL_AGAIN}, to run what producers admitted just before the close had queued;</li>
     *   <li>otherwise {@link #IDLE}: the loop may wait for work.</li>
     * </ul>
     *
     * @param stateReadBeforePoll {@link #state()} read before the poll: once input has closed, an empty poll then
     *                            means the queue stays empty (a state read after it could be {@code SHUTDOWN} with
     *                            tasks queued between the poll and the close)
     * @return {@link #IDLE}, {@link #POLL_AGAIN} or {@link #FINISHED}
     */
    protected final int afterEmptyPoll(int stateReadBeforePoll) {
        assert inEventLoop();
        if (stateReadBeforePoll >= STOPPING) {
            stopOnLoopThread(null, stoppedBeforeRunning());
            return FINISHED;
        }
        if (stateReadBeforePoll == SHUTDOWN) {
            return FINISHED;
        }
        if (stateReadBeforePoll == SHUTTING_DOWN && closeInput()) {
            return POLL_AGAIN;
        }
        return IDLE;
    }

    /**
     * Loop thread only, once the loop has reached {@code STOPPING}: takes every queued task out, completes
     * their futures with {@code cause}, hands the never-started ones to the {@link #shutdownNow()} caller and
     * calls {@link #onStopped()}. Runs once, moving the state to {@code STOPPED}; a later call only abandons
     * {@code alsoAbandoned}.
     *
     * @param alsoAbandoned a task already taken from the queue but not started, or null
     */
    final void stopOnLoopThread(Runnable alsoAbandoned, LoopTerminatedException cause) {
        assert inEventLoop();
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
        assert inEventLoop();
        tasksRun.add(started);
    }

    /** The exception that completes the futures of tasks abandoned by {@link #shutdownNow()}. */
    final LoopTerminatedException stoppedBeforeRunning() {
        return new LoopTerminatedException(name, "was stopped by shutdownNow() before running the task");
    }

    /** Loop thread only: the loop thread cannot go on; every pending future completes exceptionally. */
    protected final void die(Throwable cause) {
        assert inEventLoop();
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
    final boolean closeInput() {
        assert inEventLoop();
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

    /**
     * This loop as its parts see it: each part holds only its own narrow interface, so it can be tested alone, and
     * none can reach what the subclass keeps protected.
     */
    private final class Parts implements Admission.Loop, OffloadTracker.Loop, StopDrain.Loop {

        @Override
        public String name() {
            return name;
        }

        @Override
        public int pendingTasks() {
            return AbstractEventLoop.this.pendingTasks();
        }

        @Override
        public void enqueue(Runnable task) {
            AbstractEventLoop.this.enqueue(task);
        }

        @Override
        public Executor executor() {
            return AbstractEventLoop.this;
        }

        @Override
        public Executor continuationExecutor() {
            return continuations;
        }

        @Override
        public boolean inEventLoop() {
            return AbstractEventLoop.this.inEventLoop();
        }

        @Override
        public void requestCloseCheck() {
            AbstractEventLoop.this.requestCloseCheck();
        }

        @Override
        public void awaitProducersOutside() {
            admission.awaitProducersOutside();
        }

        @Override
        public void drainQueue(List<Runnable> into) {
            AbstractEventLoop.this.drainQueue(into);
        }

        @Override
        public void abandonOffloads() {
            offloads.abandonAll();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", state=" + lifecycle.state() + "]";
    }
}
