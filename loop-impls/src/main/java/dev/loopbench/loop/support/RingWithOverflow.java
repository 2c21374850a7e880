package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;

import java.util.List;
import java.util.Queue;

/**
 * The queue of a loop on a bounded ring (the {@code agrona} and {@code disruptor} loops): the ring, and an unbounded
 * overflow queue behind it for what must not be refused (continuations, offload outcomes, and producers that raced
 * past the {@code maxPendingTasks} bound), with the rules that keep each producer's tasks in order across the two.
 * The ring itself, and taking tasks out of it, stay the loop's: it sees the ring through {@link Ring}.
 *
 * <h2>Thread contract</h2>
 * {@link #offer}, {@link #pendingTasks} and {@link #overflowIsEmpty}: any thread. {@link #pollOverflowBehindRing}
 * and {@link #drainOverflow}: the loop thread only, the overflow's one consumer.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A producer offers to the overflow whenever it is not empty, even with room in the ring: once one of its
 *       tasks has overflowed, its later ones go behind it until the loop has emptied the overflow.</li>
 *   <li>The loop takes the overflow's head only after it has seen that task there and then no task pending in the
 *       ring ({@link Ring#holdsTasks()}). A producer claims its ring slot before it offers its later task to the
 *       overflow, so a loop that has seen that task, and only then looks at the ring, sees the claim. With 1, a
 *       producer's later task never runs before its earlier one, whichever of the two each went to.</li>
 *   <li>The look is per overflow task, not per batch: while one overflow task runs the overflow may empty, and a
 *       producer that sees it empty puts its next tasks into the ring, then overflows again once the ring is full.
 *       Tasks that go through the ring pay nothing for this.</li>
 * </ol>
 */
public final class RingWithOverflow {

    /**
     * 2^19: the conformance suite's FIFO test queues up to 400,000 tasks from 4 producers that do not retry, and the
     * benchmarks keep at most 8,192 in flight; a smaller ring refuses callers sooner, and is preallocated faster.
     */
    public static final int DEFAULT_SIZE = 1 << 19;
    /** The largest power of two an int holds. */
    public static final int MAX_SIZE = 1 << 30;
    /** Elements per chunk of the overflow queue, which holds nothing unless the ring is full. */
    private static final int OVERFLOW_CHUNK_SIZE = 64;

    /** The bounded ring, as the overflow's rules see it. */
    public interface Ring {

        /** Any thread: adds {@code task} to the ring. @return false, having added nothing, when the ring is full */
        boolean offer(Runnable task);

        /**
         * Loop thread only: whether a task is claimed in the ring that the loop has not taken yet, its slot written
         * or not (invariant 2): read from the ring's claims (its tail, its cursor), not from its head's slot.
         */
        boolean holdsTasks();

        /** Any thread: how many tasks the ring holds, as of a recent moment. */
        int size();

        /**
         * A bounded queue as the ring. Its {@code isEmpty()} must read its claims, not its head's slot, as Agrona's
         * {@code ManyToOneConcurrentArrayQueue} and JCTools' {@code MpscArrayQueue} do (their producer index is
         * claimed before the slot is written): a slot claimed and not yet written can hide a later one that is.
         */
        static Ring onQueue(Queue<Runnable> bounded) {
            return new Ring() {
                @Override
                public boolean offer(Runnable task) {
                    return bounded.offer(task);
                }

                @Override
                public boolean holdsTasks() {
                    return !bounded.isEmpty();
                }

                @Override
                public int size() {
                    return bounded.size();
                }
            };
        }
    }

    private final Ring ring;
    private final MessagePassingQueue<Runnable> overflow = new MpscUnboundedArrayQueue<>(OVERFLOW_CHUNK_SIZE);

    public RingWithOverflow(Ring ring) {
        this.ring = ring;
    }

    /**
     * The option that sets a ring's size, from 1 to 2^30, {@link #DEFAULT_SIZE} by default.
     *
     * @param ring     what the size is of, e.g. "the ring's size, a power of two"
     * @param slotBytes what the ring preallocates per slot at least, see {@link #settingsFor}
     */
    public static LoopOption sizeOption(String name, String ring, int slotBytes) {
        return LoopOption.intBetween(name, DEFAULT_SIZE, 1, MAX_SIZE, ring + ", up to 2^30, refused when its slots "
                + "cannot fit the heap (" + slotBytes + " bytes a slot at least); execute and submit are refused once "
                + "it is full, and maxPendingTasks is capped at it");
    }

    /**
     * The settings of a loop on a ring of {@code size} slots, checked before anything is built: refuses a ring whose
     * slots cannot fit the heap ({@link LoopSettings#requireHeapFor}), and caps {@code maxPendingTasks} at the size,
     * so that {@code execute} and {@code submit} are refused once the ring is full, and only what must not be refused
     * overflows.
     *
     * @param sizeOption the option that set the size, named in the refusal
     */
    public static LoopSettings settingsFor(LoopSettings settings, String sizeOption, int size, int slotBytes) {
        settings.requireHeapFor(sizeOption, size, slotBytes);
        return settings.withMaxPendingTasksAtMost(size);
    }

    /**
     * Any thread: adds {@code task} to the ring, or behind what overflowed before (invariant 1).
     *
     * @return whether it went to the overflow, which the loop must then be made to look at
     */
    public boolean offer(Runnable task) {
        if (overflow.isEmpty() && ring.offer(task)) {
            return false;
        }
        overflow.offer(task);
        return true;
    }

    /**
     * Loop thread only: the overflow's head, unless the ring holds a task that may have come before it (invariant 2);
     * then null, and the loop takes the ring's tasks first. Null too when the overflow is empty.
     */
    public Runnable pollOverflowBehindRing() {
        // ordering point (invariant 2): the overflow's head is seen before the ring's claims are read
        if (overflow.peek() == null || ring.holdsTasks()) {
            return null;
        }
        return overflow.poll(); // the task peeked: this thread is the overflow's only consumer
    }

    /** Any thread: whether the overflow is empty, as of a recent moment. */
    public boolean overflowIsEmpty() {
        return overflow.isEmpty();
    }

    /** Loop thread only, as it stops: moves every overflow task into {@code into}, in order. */
    public void drainOverflow(List<Runnable> into) {
        for (Runnable task; (task = overflow.poll()) != null; ) {
            into.add(task);
        }
    }

    /** Any thread: the tasks in the ring and the overflow, as of a recent moment. */
    public int pendingTasks() {
        return ring.size() + overflow.size();
    }
}
