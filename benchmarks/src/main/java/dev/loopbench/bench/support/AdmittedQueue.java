package dev.loopbench.bench.support;

import dev.loopbench.loop.support.Admission;
import dev.loopbench.loop.support.LoopLifecycle;
import org.jctools.queues.MessagePassingQueue;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A bare MPSC queue behind the path a producer takes through a loop's {@code execute()} on an open, awake loop,
 * and nothing more: what {@code MpscQueueLimit}'s producers offer through, so that the limit's producers pay what
 * the loops' producers pay and only the consumer side differs.
 *
 * <p>The path is the loops' own code, not a copy: the null check of {@code AbstractEventLoop.execute}, then
 * loop-impls' {@link Admission} on a {@link LoopLifecycle} that stays {@code RUNNING} (a volatile read of the
 * state, the producer's padded slot marked, the state read again, the offer, the slot cleared), and as the offer
 * the one of {@code MpscEventLoop.enqueue}: the queue's, then a volatile read of a sleeping flag that is never set
 * here (this queue's consumer never sleeps, as a saturated loop does not). The state and the flag never change, but
 * the reads stay: volatile loads are not folded away.
 *
 * <h2>Thread contract</h2>
 * {@link #execute} from any thread; {@link #poll} from one consumer thread; {@link #isEmpty} from any.
 */
public final class AdmittedQueue implements Executor {

    private final MessagePassingQueue<Runnable> queue;
    private final Admission admission;
    private volatile boolean sleeping;

    public AdmittedQueue(MessagePassingQueue<Runnable> queue) {
        this.queue = queue;
        this.admission = new Admission(new Admission.Loop() {
            @Override
            public String name() {
                return "AdmittedQueue";
            }

            @Override
            public int pendingTasks() {
                return queue.size();
            }

            @Override
            public void enqueue(Runnable task) {
                queue.offer(task);
                if (sleeping) {
                    throw new IllegalStateException("never: this queue's consumer does not sleep");
                }
            }
        }, new LoopLifecycle(), 0);
    }

    /** The loops' producer path, then the offer. */
    @Override
    public void execute(Runnable task) {
        admission.accept(Objects.requireNonNull(task, "task"));
    }

    /** Consumer only: the next task, or null. */
    public Runnable poll() {
        return queue.poll();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
