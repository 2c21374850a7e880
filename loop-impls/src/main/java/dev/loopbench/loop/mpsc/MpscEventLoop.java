package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.OwnThreadEventLoop;
import dev.loopbench.loop.support.Slowdown;
import org.jctools.queues.MessagePassingQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An event loop on a lock-free multi-producer single-consumer queue from JCTools, with a wakeup flag so that
 * producers unpark the loop only when it may be asleep, and an {@link IdleStrategy} that decides between
 * spinning and parking.
 *
 * <h2>Thread contract</h2>
 * Producers (any thread) offer to the queue and may unpark the loop; only the loop thread polls.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>The loop sets {@code sleeping} before its last look at the queue and parks only if that look finds it
 *       empty; a producer offers before it reads {@code sleeping}. Both sides store, then load, through
 *       volatile accesses, so at least one of them sees the other (Dekker): either the loop sees the task, or
 *       the producer sees {@code sleeping} and unparks. No wakeup is lost.</li>
 *   <li>Exactly one party clears {@code sleeping} from true by CAS, so each sleep costs at most one unpark.</li>
 *   <li>An unpark that arrives before the park makes that park return at once ({@code LockSupport}'s permit);
 *       a spurious return only costs a poll.</li>
 * </ol>
 */
public final class MpscEventLoop extends OwnThreadEventLoop {

    private static final VarHandle SLEEPING;

    static {
        try {
            SLEEPING = MethodHandles.lookup().findVarHandle(MpscEventLoop.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessagePassingQueue<Runnable> queue;
    private final IdleStrategy idleStrategy;
    private final IdleStrategy.Sleeper sleeper = this::parkUntilWoken;
    private final LongAdder wakeups = new LongAdder();
    private volatile boolean sleeping;

    MpscEventLoop(LoopSettings settings, MpscQueueType queueType, IdleStrategy idleStrategy) {
        super(settings);
        this.queue = queueType.newQueue();
        this.idleStrategy = idleStrategy;
        start();
    }

    @Override
    protected void enqueue(Runnable task) {
        queue.offer(task);
        // ordering point (invariant 1): the offer is visible before this volatile read of the flag
        if (sleeping) {
            wakeUp();
        }
    }

    @Override
    protected int pendingTasks() {
        return queue.size();
    }

    @Override
    protected Runnable poll() {
        return queue.poll();
    }

    @Override
    protected void awaitWork(int emptyPolls) {
        idleStrategy.idle(emptyPolls, sleeper);
    }

    /** Loop thread only, as {@link IdleStrategy.Sleeper}: the wakeup-flag handshake of invariant 1. */
    private void parkUntilWoken() {
        sleeping = true;
        // ordering point (invariant 1): the flag is visible before this last look at the queue and the state
        if (queue.isEmpty() && mayIdle()) {
            Thread.interrupted(); // a task's leftover interrupt would turn every park into a spin
            LockSupport.park(this);
            Slowdown.afterWakeup();
        }
        // benign race: a producer may clear the flag first; both write false
        sleeping = false;
    }

    @Override
    protected void wakeUp() {
        if (SLEEPING.compareAndSet(this, true, false)) {
            wakeups.increment();
            LockSupport.unpark(thread());
        }
    }

    @Override
    protected long wakeupsIssued() {
        return wakeups.sum();
    }
}
