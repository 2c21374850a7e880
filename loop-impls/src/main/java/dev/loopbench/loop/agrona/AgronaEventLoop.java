package dev.loopbench.loop.agrona;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.AbstractEventLoop;
import dev.loopbench.loop.support.LoopThreads;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;

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
 *   <li>The queue holds at most its capacity; {@code execute} and {@code submit} are refused in the caller once
 *       that many tasks are pending (the loop's {@code maxPendingTasks} is never above the capacity). What must not
 *       be refused (continuations, offload outcomes, and producers that raced past the bound) goes to the unbounded
 *       overflow queue, which the loop drains too.</li>
 *   <li>A producer offers to the overflow queue whenever it is not empty, and the loop polls the bounded queue
 *       first, and takes the overflow's head only after it has seen that task there and then the bounded queue
 *       empty: a producer's later task never runs before its earlier one, whichever queue each went to.</li>
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
    private static final int FINISHED = -1;
    /** Elements per chunk of the overflow queue, which holds nothing unless the bounded one is full. */
    private static final int OVERFLOW_CHUNK_SIZE = 64;

    private final ManyToOneConcurrentArrayQueue<Runnable> queue;
    private final MessagePassingQueue<Runnable> overflow = new MpscUnboundedArrayQueue<>(OVERFLOW_CHUNK_SIZE);
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
        // invariant 2: behind whatever overflowed before, so that this producer's tasks keep their order
        if (!overflow.isEmpty() || !queue.offer(task)) {
            overflow.offer(task);
        }
    }

    /**
     * Loop thread only: the bounded queue first (invariant 2).
     *
     * <p>Why the second look at the bounded queue: between an empty poll of it and the look at the overflow, a
     * producer may fill it and overflow its next task; taking that task at once would run it before the ones in the
     * queue. A producer's offer to the queue claims its tail before the producer offers its later task to the
     * overflow, so once the loop has seen that task at the overflow's head, the tail it reads shows the claim. It
     * reads the tail ({@code isEmpty}), not the head's slot: a slot claimed by another producer and not yet written
     * can hide a later one that is. If the queue is not empty, it takes the queue's head, waiting for it if its
     * producer is between its claim and its write (a few instructions, unless it was preempted): returning null
     * there would let a shutting-down loop close input with the overflow still holding tasks. Only a poll that
     * finds the queue empty pays for this.
     */
    private Runnable poll() {
        Runnable task = queue.poll();
        if (task != null || overflow.peek() == null) {
            return task;
        }
        if (queue.isEmpty()) {
            return overflow.poll(); // the task peeked: this thread is the overflow's only consumer
        }
        for (int spins = 0; (task = queue.poll()) == null; spins++) {
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
        overflow.drain(into::add);
    }

    @Override
    protected int pendingTasks() {
        return queue.size() + overflow.size();
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
            for (int workCount; (workCount = doWork()) != FINISHED; ) {
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

    /** Loop thread only: one duty cycle. @return the tasks it ran, or {@link #FINISHED} once the loop has ended */
    private int doWork() {
        int state = state(); // invariant 3: read before polling
        int started = 0;
        try {
            for (Runnable task; started < MAX_TASKS_PER_DUTY_CYCLE && (task = poll()) != null; ) {
                if (state() >= STOPPING) {
                    stopOnLoopThread(task, stoppedBeforeRunning());
                    return FINISHED;
                }
                if (started++ == 0) {
                    countTasksRun(1); // a cycle's first task is counted before it runs, as after an idle spell
                }
                runTask(task);
            }
        } finally {
            if (started > 1) {
                countTasksRun(started - 1);
            }
        }
        if (started != 0) {
            return started;
        }
        if (state >= STOPPING) {
            stopOnLoopThread(null, stoppedBeforeRunning());
            return FINISHED;
        }
        if (state == SHUTDOWN) {
            return FINISHED; // the graceful shutdown is complete
        }
        if (state == SHUTTING_DOWN && closeInput()) {
            return 1; // not idle: run at once what producers admitted before the close had queued
        }
        return 0;
    }
}
