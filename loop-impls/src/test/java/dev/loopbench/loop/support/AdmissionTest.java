package dev.loopbench.loop.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Admission} alone, behind a list as its loop's queue. */
class AdmissionTest {

    private static final Runnable TASK = () -> { };

    /** A queue that records what it was handed, and whether the producer's slot was marked at the time. */
    private static final class ListLoop implements Admission.Loop {
        final List<Runnable> queued = new ArrayList<>();
        final List<Boolean> slotMarked = new ArrayList<>();
        Admission admission;

        @Override
        public String name() {
            return "list";
        }

        @Override
        public int pendingTasks() {
            return queued.size();
        }

        @Override
        public void enqueue(Runnable task) {
            slotMarked.add(ProducerSlot.current().inside == admission);
            queued.add(task);
        }
    }

    private final LoopLifecycle lifecycle = new LoopLifecycle();
    private final ListLoop loop = new ListLoop();

    private Admission admission(int maxPendingTasks) {
        loop.admission = new Admission(loop, lifecycle, maxPendingTasks);
        return loop.admission;
    }

    @Test
    void aRunningLoopQueuesNewWorkWithTheProducersSlotMarkedAndClearsItAfter() {
        Admission admission = admission(0);

        admission.accept(TASK);

        assertEquals(List.of(TASK), loop.queued);
        assertEquals(List.of(true), loop.slotMarked);
        assertEquals(null, ProducerSlot.current().inside);
    }

    @Test
    void aShuttingDownLoopRefusesNewWorkWithoutATraceButTakesContinuations() {
        Admission admission = admission(0);
        lifecycle.advance(LoopLifecycle.SHUTTING_DOWN);

        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> admission.accept(TASK));
        assertEquals("event loop 'list' is shutting down and accepts no new tasks", refused.getMessage());
        assertEquals(List.of(), loop.queued);

        admission.acceptContinuation(TASK);
        assertEquals(List.of(TASK), loop.queued);
    }

    @Test
    void closedInputRefusesContinuationsButTakesOffloadOutcomesUntilTheLoopStops() {
        Admission admission = admission(0);
        lifecycle.advance(LoopLifecycle.SHUTDOWN);

        assertThrows(RejectedExecutionException.class, () -> admission.acceptContinuation(TASK));
        assertTrue(admission.acceptOutcome(TASK));
        lifecycle.advance(LoopLifecycle.STOPPING);
        assertFalse(admission.acceptOutcome(TASK));
        assertEquals(List.of(TASK), loop.queued);
        assertEquals("event loop 'list' has stopped and accepts no new tasks", admission.rejected().getMessage());
    }

    @Test
    void theBoundRefusesNewWorkOnlyAndNamesItself() {
        Admission admission = admission(2);
        admission.accept(TASK);
        admission.accept(TASK);

        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> admission.accept(TASK));
        assertTrue(refused.getMessage().contains("'list' has 2 tasks pending, its maxPendingTasks bound"),
                refused.getMessage());
        admission.acceptContinuation(TASK); // continuations are not bounded
        assertEquals(3, loop.queued.size());
    }

    @Test
    void theLoopThreadWaitsOutAProducerThatPassedTheStateCheck() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Admission admission = new Admission(new Admission.Loop() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public int pendingTasks() {
                return 0;
            }

            @Override
            public void enqueue(Runnable task) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, lifecycle, 0);
        Thread producer = new Thread(() -> admission.accept(TASK));
        producer.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        lifecycle.advance(LoopLifecycle.SHUTTING_DOWN);

        CountDownLatch waitedOut = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            admission.awaitProducersOutside();
            waitedOut.countDown();
        });
        closer.start();
        assertFalse(waitedOut.await(100, TimeUnit.MILLISECONDS), "returned while the producer was still inside");
        release.countDown();
        assertTrue(waitedOut.await(10, TimeUnit.SECONDS), "did not return once the producer left");
        producer.join(10_000);
        closer.join(10_000);
        assertFalse(producer.isAlive() || closer.isAlive());
        assertSame(null, ProducerSlot.current().inside);
    }
}
