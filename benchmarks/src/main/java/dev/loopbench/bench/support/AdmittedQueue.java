package dev.loopbench.bench.support;

import org.jctools.queues.MessagePassingQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A bare MPSC queue behind the path a producer takes through a loop's {@code execute()} on an open, awake loop,
 * and nothing more: what {@code MpscQueueLimit}'s producers offer through, so that the limit's producers pay what
 * the loops' producers pay and only the consumer side differs.
 *
 * <p>The path, step by step as in {@code AbstractEventLoop.execute}, {@code Admission.accept} and
 * {@code MpscEventLoop.enqueue} (loop-impls), whose reasons are documented there:
 * <ol>
 *   <li>a null check of the task;</li>
 *   <li>a volatile read of the loop's state, which refuses nothing here;</li>
 *   <li>a volatile store of the loop into the producer's own padded slot (a thread-local), then a second volatile
 *       read of the state: the Dekker handshake with a loop that closes its input;</li>
 *   <li>the offer, then a volatile read of the loop's sleeping flag, which is never set here: this queue's consumer
 *       never sleeps, as a saturated loop does not;</li>
 *   <li>a release store that clears the slot.</li>
 * </ol>
 * The state and the flag never change, but the reads stay: volatile loads are not folded away.
 *
 * <h2>Thread contract</h2>
 * {@link #execute} from any thread; {@link #poll} from one consumer thread; {@link #isEmpty} from any.
 */
public final class AdmittedQueue implements Executor {

    /** The only state here: the loops' {@code RUNNING}, which admits new work. */
    private static final int RUNNING = 0;

    private static final ThreadLocal<Slot> SLOTS = ThreadLocal.withInitial(Slot::new);

    private final MessagePassingQueue<Runnable> queue;
    private volatile int state = RUNNING;
    private volatile boolean sleeping;

    public AdmittedQueue(MessagePassingQueue<Runnable> queue) {
        this.queue = queue;
    }

    /** The loops' producer path, then the offer. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (state > RUNNING) {
            throw new IllegalStateException("never: this queue does not close");
        }
        Slot slot = SLOTS.get();
        slot.inside = this;
        try {
            if (state > RUNNING) {
                throw new IllegalStateException("never: this queue does not close");
            }
            queue.offer(task);
            if (sleeping) {
                throw new IllegalStateException("never: this queue's consumer does not sleep");
            }
        } finally {
            Slot.INSIDE.setRelease(slot, null);
        }
    }

    /** Consumer only: the next task, or null. */
    public Runnable poll() {
        return queue.poll();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** A producer's slot, padded on both sides as {@code ProducerSlot} is, so producers' stores do not false-share. */
    @SuppressWarnings("unused")
    private static final class Slot extends SlotField {
        static final VarHandle INSIDE;

        static {
            try {
                INSIDE = MethodHandles.lookup().findVarHandle(SlotField.class, "inside", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
    }

    private abstract static class SlotField extends SlotLeadingPadding {
        volatile Object inside;
    }

    /** Before {@code inside} through the hierarchy: the JVM lays out a superclass's fields first. */
    @SuppressWarnings("unused")
    private abstract static class SlotLeadingPadding {
        private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
    }
}
