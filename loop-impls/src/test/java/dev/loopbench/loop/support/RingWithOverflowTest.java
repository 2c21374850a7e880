package dev.loopbench.loop.support;

import dev.loopbench.loop.OrderedProducers;
import org.jctools.queues.MpscArrayQueue;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RingWithOverflow}'s rules alone, on a scripted ring and on a real bounded MPSC queue. */
class RingWithOverflowTest {

    private static final Runnable A = () -> { };
    private static final Runnable B = () -> { };
    private static final Runnable C = () -> { };

    /** A ring of a fixed capacity, driven by the test on one thread. */
    private static final class ScriptedRing implements RingWithOverflow.Ring {
        final ArrayDeque<Runnable> slots = new ArrayDeque<>();
        final int capacity;

        ScriptedRing(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean offer(Runnable task) {
            return slots.size() < capacity && slots.add(task);
        }

        @Override
        public boolean holdsTasks() {
            return !slots.isEmpty();
        }

        @Override
        public int size() {
            return slots.size();
        }
    }

    @Test
    void aTaskGoesToTheRingWhileItHasRoomAndNothingOverflowed() {
        ScriptedRing ring = new ScriptedRing(2);
        RingWithOverflow tasks = new RingWithOverflow(ring);

        assertFalse(tasks.offer(A));
        assertFalse(tasks.offer(B));
        assertTrue(tasks.overflowIsEmpty());
        assertEquals(2, tasks.pendingTasks());
    }

    @Test
    void aFullRingOverflowsAndLaterTasksFollowThemEvenWithRoomInTheRing() {
        ScriptedRing ring = new ScriptedRing(1);
        RingWithOverflow tasks = new RingWithOverflow(ring);
        tasks.offer(A);

        assertTrue(tasks.offer(B), "the ring is full");
        ring.slots.poll(); // the loop took A: room in the ring again
        assertTrue(tasks.offer(C), "C must follow B into the overflow, or it could run before B");
        assertEquals(2, tasks.pendingTasks());
    }

    @Test
    void anOverflowTaskWaitsWhileTheRingHoldsATask() {
        ScriptedRing ring = new ScriptedRing(1);
        RingWithOverflow tasks = new RingWithOverflow(ring);
        tasks.offer(A);
        tasks.offer(B); // overflowed behind A

        assertNull(tasks.pollOverflowBehindRing(), "A, in the ring, came first");
        assertSame(A, ring.slots.poll());
        assertSame(B, tasks.pollOverflowBehindRing());
        assertNull(tasks.pollOverflowBehindRing(), "the overflow is empty");
        assertEquals(0, tasks.pendingTasks());
    }

    @Test
    void theRingIsLookedAtOnlyAfterTheOverflowsHeadWasSeen() {
        // a producer that claims a ring slot and then overflows its next task, between the loop's two looks: the
        // loop must see the claim, so it must read the ring after it has seen the overflowed task
        List<String> looks = new ArrayList<>();
        RingWithOverflow[] tasks = new RingWithOverflow[1];
        RingWithOverflow.Ring ring = new RingWithOverflow.Ring() {
            @Override
            public boolean offer(Runnable task) {
                return false;
            }

            @Override
            public boolean holdsTasks() {
                looks.add("ring, with overflow empty: " + tasks[0].overflowIsEmpty());
                return false;
            }

            @Override
            public int size() {
                return 0;
            }
        };
        tasks[0] = new RingWithOverflow(ring);

        assertNull(tasks[0].pollOverflowBehindRing());
        tasks[0].offer(A);
        assertSame(A, tasks[0].pollOverflowBehindRing());
        assertEquals(List.of("ring, with overflow empty: false"), looks);
    }

    @Test
    void drainOverflowTakesEveryOverflowTaskInOrder() {
        RingWithOverflow tasks = new RingWithOverflow(new ScriptedRing(0));
        tasks.offer(A);
        tasks.offer(B);
        tasks.offer(C);
        List<Runnable> drained = new ArrayList<>();

        tasks.drainOverflow(drained);

        assertEquals(List.of(A, B, C), drained);
        assertTrue(tasks.overflowIsEmpty());
    }

    /**
     * Producers on a ring of 4 overflow all the time; a consumer that takes the ring first and the overflow only
     * through {@link RingWithOverflow#pollOverflowBehindRing} sees each producer's tasks in the order given.
     */
    @RepeatedTest(10)
    void eachProducersOrderHoldsAcrossRingAndOverflow() throws InterruptedException {
        int producers = 4;
        int perProducer = 20_000;
        MpscArrayQueue<Runnable> queue = new MpscArrayQueue<>(4);
        RingWithOverflow tasks = new RingWithOverflow(RingWithOverflow.Ring.onQueue(queue));
        OrderedProducers ordered = new OrderedProducers(producers, perProducer);

        ordered.start(tasks::offer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ordered.runs() < producers * perProducer) {
            Runnable task = queue.poll(); // JCTools waits out a claimed slot not yet written
            if (task == null) {
                task = tasks.pollOverflowBehindRing();
            }
            if (task != null) {
                task.run();
            } else {
                assertTrue(System.nanoTime() < deadline, "ran only " + ordered.runs() + " tasks in 30 s");
                Thread.onSpinWait();
            }
        }
        ordered.awaitGiven(10);
        assertEquals(List.of(), ordered.violations());
        assertEquals(0, tasks.pendingTasks());
    }
}
