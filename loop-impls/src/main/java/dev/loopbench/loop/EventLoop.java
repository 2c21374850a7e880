package dev.loopbench.loop;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded event loop: one thread, owned by the loop, runs every task given to it, one at a
 * time. Every implementation in this library keeps the same contract (see {@code docs/contract.md}),
 * and the conformance suite proves it for each one.
 *
 * <h2>Thread contract</h2>
 * Every method is safe to call from any thread, the loop's own included.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li>Tasks from one producer run in the order they were given. A task submitted from the loop thread
 *       runs after the current task, never re-entrantly.</li>
 *   <li>Every future returned by {@link #submit} and {@link #offload} completes: with a value, with whatever
 *       the task threw ({@link Error}s included), or with a {@link LoopTerminatedException} when the loop
 *       ended before it could run the task.</li>
 *   <li>Every task starts with the loop thread's interrupt status clear: an interrupt a task leaves behind, or
 *       one sent to the loop thread while it idles, does not reach the next task.</li>
 *   <li>A task that throws does not kill the loop: the throwable goes to the loop's uncaught-exception
 *       handler and the next task runs. If the loop thread dies anyway (the handler itself throws), every
 *       pending future completes exceptionally, later calls are rejected and {@link #awaitTermination}
 *       returns.</li>
 *   <li>Blocking on one of this loop's unfinished futures, or awaiting its termination, from the loop thread
 *       throws {@link IllegalStateException} at once instead of deadlocking.</li>
 *   <li>Once shutdown has begun, {@link #execute}, {@link #submit} and {@link #offload} throw
 *       {@link RejectedExecutionException} in the caller, on every thread, the loop's own included; a task is
 *       never dropped silently. Only continuations of work accepted before are still taken (see
 *       {@link #shutdown()}).</li>
 * </ol>
 */
public interface EventLoop extends Executor, AutoCloseable {

    /** The name this loop was created under; also the prefix of its thread's name. */
    String name();

    /**
     * Runs {@code task} on the loop thread: the {@code call_soon_threadsafe} of this library.
     *
     * @throws NullPointerException if {@code task} is null
     * @throws RejectedExecutionException if shutdown has begun or the loop has died
     */
    @Override
    void execute(Runnable task);

    /**
     * Runs {@code task} on the loop thread and returns a future of its outcome: the
     * {@code run_coroutine_threadsafe} of this library. The future always completes, and its dependent stages
     * created without an executor run on this loop when completed from it.
     *
     * @throws NullPointerException if {@code task} is null
     * @throws RejectedExecutionException if shutdown has begun or the loop has died
     */
    <V> CompletableFuture<V> submit(Callable<V> task);

    /**
     * Runs {@code blocking} on {@code pool} and completes the returned future with its outcome <em>on the loop
     * thread</em>, so that continuations run on the loop: the {@code run_in_executor} of this library.
     * As with any {@link CompletableFuture}, a non-async continuation may instead run on a thread that is
     * blocked in {@code get()} or {@code join()} of the same future when it completes; attach continuations
     * with {@code *Async(fn, loop)} where the thread matters.
     *
     * <ul>
     *   <li>A graceful {@link #shutdown} waits for the outcome of an offload that is already in flight.</li>
     *   <li>If the loop has stopped when the outcome arrives, the pool thread sees no exception; the future
     *       completes exceptionally with a {@link LoopTerminatedException} instead.</li>
     *   <li>Cancelling the returned future before {@code blocking} starts means it never runs. Cancelling it
     *       while {@code blocking} runs <b>interrupts the pool thread</b> running it: that interrupt is the
     *       cooperative cancellation signal, so blocking code should stop when it sees
     *       {@link Thread#isInterrupted()} or an {@link InterruptedException}.</li>
     * </ul>
     *
     * @throws NullPointerException if {@code pool} or {@code blocking} is null
     * @throws RejectedExecutionException if shutdown has begun or the loop has died
     */
    <V> CompletableFuture<V> offload(Executor pool, Callable<V> blocking);

    /** Whether the calling thread is this loop's thread. */
    boolean inEventLoop();

    /**
     * Starts a graceful shutdown, by one rule. New work ({@link #execute}, {@link #submit}, {@link #offload}) is
     * refused from every thread, the loop's own included, so a task that reschedules itself ends with the
     * shutdown. Continuations of work accepted before are still taken, from any thread: the outcomes of offloads in
     * flight, and the {@code *Async} stages of this loop's futures that run on this loop ({@code thenApplyAsync(fn)},
     * {@code thenApplyAsync(fn, loop)} and the like). Once its queue is empty, no task runs and no offload is in
     * flight, the loop closes input and terminates; a continuation that arrives later is refused, and its stage
     * completes exceptionally. Idempotent; does not wait.
     *
     * <p>A graceful shutdown waits for every offload in flight, and so for the pools running them: an offload
     * whose pool drops it without running or cancelling it holds the loop open until {@link #shutdownNow()}.
     */
    void shutdown();

    /**
     * Stops the loop after its current task, completes the future of every task that never started with a
     * {@link LoopTerminatedException}, and returns those never-started tasks: a task given to
     * {@link #execute} is returned as itself, a task given to {@link #submit} as the loop's wrapper of it.
     *
     * <p>Offloads still running on their pools are not interrupted; their futures complete with a
     * {@link LoopTerminatedException} at once, and their outcomes are dropped when they arrive.
     *
     * <p>Called from another thread, this interrupts the loop thread and waits for its current task to end,
     * because only the loop thread may take tasks out of its queue. Called from the loop thread, it returns at
     * once and the loop stops when the current task returns. Called from another loop's thread (where waiting
     * could deadlock two loops that stop each other), or interrupted while it waits, it returns an empty list
     * without waiting; the futures of the never-started tasks are completed all the same.
     */
    List<Runnable> shutdownNow();

    /**
     * Waits until the loop has terminated, as {@link java.util.concurrent.ExecutorService#awaitTermination}.
     *
     * @return whether the loop terminated before the timeout
     * @throws IllegalStateException if called from the loop thread, where it would wait for itself
     */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;

    /** Whether shutdown has begun (or the loop has died). */
    boolean isShutdown();

    /** Whether the loop thread has finished all work and stopped. */
    boolean isTerminated();

    /**
     * {@link #shutdown()} and then waits for termination, so that try-with-resources works. On a loop thread, this
     * loop's or another loop's of this library, it only starts the shutdown: on its own thread it would wait for
     * itself, and loops whose tasks close each other (a pair, or a ring) would wait for each other forever.
     * Interrupted while it waits, it does
     * what JDK 19's {@code ExecutorService.close()} does: {@link #shutdownNow()}, waits on for the current task
     * to end, and returns with the caller's interrupt status set.
     */
    @Override
    void close();

    /**
     * What this loop has counted so far, for benchmarks to read. Implementations that cannot count a
     * quantity report {@link LoopCounters#NOT_COUNTED} for it.
     */
    LoopCounters counters();
}
