package dev.loopbench.loop.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a producer thread says which loop it is handing a task to, so that a loop closing its input can wait for
 * the producers that passed its state check before the state changed, without every producer updating one
 * shared counter. One slot per thread, shared by every loop; only its own thread writes it.
 *
 * <h2>Thread contract</h2>
 * {@link #enter} and {@link #exit} are called by the slot's own thread only; {@link #awaitNoneInside} by any
 * thread (in practice the loop thread that closes its input).
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A producer stores its loop into its slot with a volatile store and then reads the loop's state with a
 *       volatile load; the closer writes the state with a volatile CAS and then reads every slot. So at least one
 *       sees the other (Dekker): either the producer sees the new state and refuses, or the closer sees the slot
 *       and waits for it to clear.</li>
 *   <li>The slot is cleared with a release store after the task is in the queue, so a closer that sees it clear
 *       also sees the task.</li>
 *   <li>A slot names one loop at a time: a producer is inside at most one loop's admission at once, since
 *       admission runs no caller code.</li>
 * </ol>
 */
final class ProducerSlot extends ProducerSlotInsideField {

    private static final VarHandle INSIDE;

    static {
        try {
            INSIDE = MethodHandles.lookup().findVarHandle(ProducerSlotInsideField.class, "inside", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Every live thread's slot; slots of dead threads are dropped by the next scan. */
    private static final ConcurrentLinkedQueue<ProducerSlot> SLOTS = new ConcurrentLinkedQueue<>();

    private static final ThreadLocal<ProducerSlot> CURRENT = ThreadLocal.withInitial(() -> {
        ProducerSlot slot = new ProducerSlot(Thread.currentThread());
        SLOTS.add(slot);
        return slot;
    });

    /** Scans spent spinning before the closer starts to yield, then to park, while a producer is inside. */
    private static final int SPIN_SCANS = 100;
    private static final int YIELD_SCANS = 200;
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    @SuppressWarnings("unused")
    private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;

    private final WeakReference<Thread> owner;

    private ProducerSlot(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** The calling thread's slot. */
    static ProducerSlot current() {
        return CURRENT.get();
    }

    /** Own thread only: marks it as handing a task to {@code loop}; the state check must follow (invariant 1). */
    void enter(Object loop) {
        inside = loop; // ordering point (invariant 1): a volatile store, before the producer's state read
    }

    /** Own thread only: the task is queued or refused (invariant 2). */
    void exit() {
        INSIDE.setRelease(this, null);
    }

    /**
     * Returns once no thread is inside {@code loop}'s admission. Call it only after moving the loop's state so that
     * producers refuse: then each producer found inside leaves after a few stores, and none enters again.
     * It spins, yields, then parks briefly, since a producer preempted inside may hold it for a time slice.
     */
    static void awaitNoneInside(Object loop) {
        for (Iterator<ProducerSlot> slots = SLOTS.iterator(); slots.hasNext(); ) {
            ProducerSlot slot = slots.next();
            Thread thread = slot.owner.get();
            if (thread == null || !thread.isAlive()) {
                slots.remove(); // a dead thread is inside nothing
                continue;
            }
            for (int scans = 0; slot.inside == loop; scans++) {
                if (scans < SPIN_SCANS) {
                    Thread.onSpinWait();
                } else if (scans < SPIN_SCANS + YIELD_SCANS) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(PARK_NANOS);
                }
            }
        }
    }
}

/**
 * Padding before {@code inside}, through the class hierarchy because the JVM lays out a superclass's fields first
 * but may reorder a class's own: slots of different threads must not share a cache line, or each producer's store
 * would slow the others down. {@link ProducerSlot} pads after it.
 */
abstract class ProducerSlotLeadingPadding {
    @SuppressWarnings("unused")
    private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}

abstract class ProducerSlotInsideField extends ProducerSlotLeadingPadding {
    /** The loop this thread is handing a task to (its {@link Admission}, one per loop), or null. */
    volatile Object inside;
}
