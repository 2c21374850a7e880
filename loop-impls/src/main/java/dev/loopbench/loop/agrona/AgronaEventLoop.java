package dev.loopbench.loop.agrona;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.AbstractEventLoop;
import dev.loopbench.loop.support.LoopThreads;
import dev.loopbench.loop.support.RingWithOverflow;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.List;

/**
 * An event loop as low-latency Java shops write one: a duty cycle drains a bounded
 * {@link ManyToOneConcurrentArrayQueue} and idles through one of Agrona's own {@link IdleStrategy}s
 * ({@link AgronaIdleStrategyType}), which it is given each cycle's work count, as Agrona's {@code AgentRunner} gives
 * it. Producers never wake the loop: every Agrona strategy returns by itself, so an idle loop answers within its
 * strategy's longest sleep and the loop issues no wakeups.
 *
 * <p>Why the loop runs its duty cycles itself rather than through Agrona's {@code AgentRunner} or
 * {@code AgentInvoker}: both stop an agent whose thread is interrupted after a cycle with no work, and an interrupt
 * from another thread can land between any clearing of the flag and that check. The contract lets no interrupt
 * stop the loop.
 *
 * <h2>Thread contract</h2>
 * Producers (any thread) offer to the queue, or to the overflow queue; only the loop thread, made by the settings'
 * factory, polls either and runs tasks.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>The queue and its overflow keep {@link RingWithOverflow}'s rules: the queue holds at most its capacity,
 *       {@code execute} and {@code submit} are refused in the caller once that many tasks are pending, what must
 *       not be refused overflows, and the loop takes an overflow task only when the queue's tail shows no task
 *       claimed there: a producer's later task never runs before its earlier one, whichever queue each went to.</li>
 *   <li>The duty cycle reads the state before it polls, so once input has closed an empty poll means both queues
 *       stay empty.</li>
 *   <li>Interrupts never end the loop: nothing reads the flag but the tasks, each of which starts with it clear, and
 *       the idle strategy, which is cleared of it after each idle cycle; {@code shutdownNow()} stops the loop
 *       through the state.</li>
 * </ol>
 */
public final class AgronaEventLoop extends AbstractEventLoop {

    /** Tasks a duty cycle runs at most before it publishes its count and looks at the state again. */
    private static final int MAX_TASKS_PER_DUTY_CYCLE = 1024;
    /** Spins while a claimed head of the bounded queue is being written, before the loop yields to its producer. */
    private static final int HEAD_SPINS = 100;
    /** What a duty cycle returns once the loop has ended: no work count, which is never negative. */
    private static final int ENDED = -1;

    private final ManyToOneConcurrentArrayQueue<Runnable> queue;
    private final RingWithOverflow tasks;
    private final IdleStrategy idleStrategy;
    private final Thread thread;

    /**
     * @param settings with {@code maxPendingTasks} at most {@code capacity} (see
     *                 {@link LoopSettings#withMaxPendingTasksAtMost})
     * @param capacity the queue's capacity, a power of two
     */
    AgronaEventLoop(LoopSettings settings, int capacity, IdleStrategy idleStrategy) {
        super(settings);
        this.queue = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.tasks = new RingWithOverflow(RingWithOverflow.Ring.onQueue(queue));
        this.idleStrategy = idleStrategy;
        this.thread = LoopThreads.marking(settings.threadFactory()).newThread(this::runDutyCycles);
        thread.start();
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    protected void enqueue(Runnable task) {
        tasks.offer(task); // the loop looks at the overflow by itself: no producer wakes it
    }

    /**
     * Loop thread only: the bounded queue first, then the overflow's head if the queue holds no task claimed before it
     * (invariant 2).
     *
     * <p>Why it waits when the queue holds a task it cannot take yet: its producer is between its claim and its write
     * (a few instructions, unless it was preempted), and returning null there would let a shutting-down loop close
     * input with the overflow still holding tasks. Only a poll that finds the queue empty with tasks in the overflow
     * pays for this.
     */
    private Runnable poll() {
        Runnable task = queue.poll();
        if (task != null || tasks.overflowIsEmpty()) {
            return task;
        }
        for (int spins = 0; (task = tasks.pollOverflowBehindRing()) == null && (task = queue.poll()) == null;
                spins++) {
            if (spins < HEAD_SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // its producer was preempted between claim and write
            }
        }
        return task;
    }

    @Override
    protected void drainQueue(List<Runnable> into) {
        queue.drainTo(into, Integer.MAX_VALUE);
        tasks.drainOverflow(into);
    }

    @Override
    protected int pendingTasks() {
        return tasks.pendingTasks();
    }

    @Override
    protected void onInputClosed() {
        // the duty cycle closed input itself and polls again
    }

    @Override
    protected void requestCloseCheck() {
        // no wakeup: every Agrona idle strategy returns by itself, and the next duty cycle reads the state
    }

    @Override
    protected void requestStop() {
        thread.interrupt(); // ends the current task's blocking call; the next duty cycle sees STOPPING
    }

    @Override
    protected void onStopped() {
        // the duty cycle sees STOPPING after the current task and ends
    }

    /** Producers never wake this loop: a real count, always zero. */
    @Override
    protected long wakeupsIssued() {
        return 0;
    }

    /** The loop thread: duty cycles, each followed by the idle strategy given its work count, until the loop ends. */
    private void runDutyCycles() {
        try {
            for (int workCount; (workCount = doWork()) != ENDED; ) {
                idleStrategy.idle(workCount);
                // invariant 4: an interrupt sent to the idle loop, or left by a task, would turn each park into a spin
                Thread.interrupted();
            }
        } catch (Throwable loopFailure) {
            // a fault outside any task, e.g. OutOfMemoryError in a queue: the loop dies, no future hangs
            die(loopFailure);
        } finally {
            markTerminated();
        }
    }

    /** Loop thread only: one duty cycle. @return the tasks it ran, or {@link #ENDED} once the loop has ended */
    private int doWork() {
        int state = state(); // invariant 3: read before polling
        int started = 0;
        try {
            for (Runnable task; started < MAX_TASKS_PER_DUTY_CYCLE && (task = poll()) != null; started++) {
                if (!runUnlessStopping(task, started == 0)) {
                    return ENDED;
                }
            }
        } finally {
            if (started > 1) {
                countTasksRun(started - 1); // the first was counted as it started
            }
        }
        if (started != 0) {
            return started;
        }
        int next = afterEmptyPoll(state);
        // POLL_AGAIN is not idle: run at once what producers admitted before the close had queued
        return next == FINISHED ? ENDED : next == POLL_AGAIN ? 1 : 0;
    }
}
