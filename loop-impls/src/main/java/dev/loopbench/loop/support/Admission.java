package dev.loopbench.loop.support;

import java.util.concurrent.RejectedExecutionException;

import static dev.loopbench.loop.support.LoopLifecycle.RUNNING;
import static dev.loopbench.loop.support.LoopLifecycle.SHUTDOWN;
import static dev.loopbench.loop.support.LoopLifecycle.SHUTTING_DOWN;
import static dev.loopbench.loop.support.LoopLifecycle.STOPPING;

/**
 * Decides which tasks enter a loop's queue in which state, and lets the loop thread wait out the producers that
 * passed the check just before the state changed: new work until {@code shutdown()}, continuations until input
 * closes, offload outcomes until the loop stops; and new work only within the loop's {@code maxPendingTasks}.
 *
 * <p>It sees its loop only through {@link Loop}: the queue it hands tasks to, how many wait there, and the name its
 * refusals give. So a bare queue can stand behind it and pay exactly what a loop's producers pay (the benchmarks'
 * {@code AdmittedQueue} does).
 *
 * <h2>Thread contract</h2>
 * {@link #accept}, {@link #acceptContinuation} and {@link #acceptOutcome} are called by producers, any thread;
 * {@link #awaitProducersOutside} by the loop thread, after it moved the state past what those producers are
 * admitted in.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A producer marks its own {@link ProducerSlot} with the loop <em>before</em> it reads the state and clears
 *       it <em>after</em> its task is in the queue. So once the state is past what admits a producer and every slot
 *       has been seen clear of the loop, every task admitted is in the queue: nothing accepted is lost between the
 *       check and the offer. No producer writes anything shared with other producers to be admitted.</li>
 *   <li>A producer reads the state once before it marks its slot and is refused at once if the loop no longer
 *       admits it, so producers that retry after a rejection never mark their slots again: they cannot keep the
 *       loop thread waiting in {@link #awaitProducersOutside}.</li>
 * </ol>
 */
public final class Admission {

    /** What admission needs of its loop. */
    public interface Loop {

        /** The loop's name, which refusals give. */
        String name();

        /** Any thread: how many tasks are queued, as of a recent moment; read only when there is a bound. */
        int pendingTasks();

        /** Any thread: hands {@code task} to the loop thread; called with the caller's {@link ProducerSlot} marked. */
        void enqueue(Runnable task);
    }

    private final Loop loop;
    private final LoopLifecycle lifecycle;
    /** 0 for no bound. */
    private final int maxPendingTasks;

    /**
     * @param lifecycle       the loop's, whose state decides what is admitted
     * @param maxPendingTasks the bound on new work, 0 for none
     */
    public Admission(Loop loop, LoopLifecycle lifecycle, int maxPendingTasks) {
        this.loop = loop;
        this.lifecycle = lifecycle;
        this.maxPendingTasks = maxPendingTasks;
    }

    /**
     * Any thread: queues new work ({@code execute}, {@code submit}) while the loop runs and has fewer than
     * {@code maxPendingTasks} queued, or throws {@link RejectedExecutionException} and leaves no trace.
     */
    public void accept(Runnable task) {
        accept(task, RUNNING, true);
    }

    /**
     * Any thread: queues a continuation of work accepted before, until input closes, whatever the bound, or throws
     * {@link RejectedExecutionException} and leaves no trace.
     */
    void acceptContinuation(Runnable task) {
        accept(task, SHUTTING_DOWN, false);
    }

    private void accept(Runnable task, int lastAdmitting, boolean bounded) {
        if (lifecycle.state() > lastAdmitting) {
            throw rejected(); // invariant 2: a refused producer leaves no mark
        }
        if (bounded && maxPendingTasks != 0 && loop.pendingTasks() >= maxPendingTasks) {
            throw new RejectedExecutionException("event loop '" + loop.name() + "' has " + maxPendingTasks
                    + " tasks pending, its maxPendingTasks bound, and accepts no more until it runs some");
        }
        if (!enqueueWhileAtMost(lastAdmitting, task)) {
            throw rejected();
        }
    }

    /**
     * Queues an offload's outcome, even during a graceful shutdown, which waits for it.
     *
     * @return false, and leaves no trace, once the loop is stopping; whatever the queue throws to refuse the
     *         outcome (a bounded Netty queue does) goes to the caller
     */
    boolean acceptOutcome(Runnable outcome) {
        return enqueueWhileAtMost(SHUTDOWN, outcome);
    }

    private boolean enqueueWhileAtMost(int lastAdmitting, Runnable task) {
        ProducerSlot slot = ProducerSlot.current();
        slot.enter(this);
        try {
            // ordering point (invariant 1): the slot is marked before this read of the state
            if (lifecycle.state() > lastAdmitting) {
                return false;
            }
            loop.enqueue(task);
            return true;
        } finally {
            slot.exit();
        }
    }

    /** Refusal of new work, saying why. */
    RejectedExecutionException rejected() {
        int current = lifecycle.state();
        String why = current >= STOPPING ? "has stopped" : current == SHUTDOWN ? "has shut down" : "is shutting down";
        return new RejectedExecutionException("event loop '" + loop.name() + "' " + why + " and accepts no new tasks");
    }

    /**
     * Loop thread only: waits out producers that passed their state check before it changed. Their window is a
     * queue offer long, and no producer enters once the state refuses it (invariant 2), so this ends when they are
     * scheduled.
     */
    void awaitProducersOutside() {
        ProducerSlot.awaitNoneInside(this);
    }
}
