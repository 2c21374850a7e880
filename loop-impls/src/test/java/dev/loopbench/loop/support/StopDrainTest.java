package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StopDrain} alone, on a scripted loop whose thread is the test's. */
class StopDrainTest {

    private static final LoopTerminatedException CAUSE = new LoopTerminatedException("scripted", "was stopped");

    /** Records the drain's steps in order; its queue holds what the test put there. */
    private static final class ScriptedLoop implements StopDrain.Loop {
        final List<Runnable> queue = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        boolean onLoopThread = true;

        @Override
        public boolean inEventLoop() {
            return onLoopThread;
        }

        @Override
        public void awaitProducersOutside() {
            steps.add("producers waited out");
        }

        @Override
        public void drainQueue(List<Runnable> into) {
            steps.add("queue drained");
            into.addAll(queue);
            queue.clear();
        }

        @Override
        public void abandonOffloads() {
            steps.add("offloads abandoned");
        }
    }

    /** A queued task with a future: reports itself, or, as the loop's own bookkeeping, nothing. */
    private static final class Abandonable implements AbandonableTask {
        final boolean reported;
        LoopTerminatedException abandonedWith;

        Abandonable(boolean reported) {
            this.reported = reported;
        }

        @Override
        public Runnable abandon(LoopTerminatedException cause) {
            abandonedWith = cause;
            return reported ? this : null;
        }

        @Override
        public void run() {
        }
    }

    private final LoopLifecycle lifecycle = new LoopLifecycle();
    private final ScriptedLoop loop = new ScriptedLoop();
    private final StopDrain drain = new StopDrain(loop, lifecycle);

    @Test
    void theFirstDrainTakesTheQueueOutOnceProducersAreOutAndReportsTheNeverStartedTasks() {
        Runnable plain = () -> { };
        Abandonable submitted = new Abandonable(true);
        Abandonable bookkeeping = new Abandonable(false);
        Abandonable taken = new Abandonable(true);
        loop.queue.addAll(List.of(plain, submitted, bookkeeping));
        lifecycle.advance(LoopLifecycle.STOPPING);

        assertTrue(drain.drain(taken, CAUSE));

        assertEquals(LoopLifecycle.STOPPED, lifecycle.state());
        assertEquals(List.of("producers waited out", "queue drained", "offloads abandoned"), loop.steps);
        assertEquals(List.of(taken, plain, submitted), drain.awaitNeverStarted(), "the task taken comes first");
        assertSame(CAUSE, submitted.abandonedWith);
        assertSame(CAUSE, bookkeeping.abandonedWith);
    }

    @Test
    void aLaterDrainOnlyAbandonsTheTaskItIsGiven() {
        lifecycle.advance(LoopLifecycle.STOPPING);
        drain.drain(null, CAUSE);
        loop.steps.clear();
        Abandonable late = new Abandonable(true);

        assertFalse(drain.drain(late, CAUSE));

        assertSame(CAUSE, late.abandonedWith);
        assertEquals(List.of(), loop.steps);
        assertEquals(List.of(), drain.awaitNeverStarted());
    }

    @Test
    void aLoopThatEndsWithoutDrainingReleasesTheShutdownNowCaller() {
        drain.noneLeft();

        assertEquals(List.of(), drain.awaitNeverStarted());
    }

    @Test
    void drainingOffTheLoopThreadFailsItsAssertion() {
        loop.onLoopThread = false;
        lifecycle.advance(LoopLifecycle.STOPPING);

        assertThrows(AssertionError.class, () -> drain.drain(null, CAUSE));
        assertEquals(LoopLifecycle.STOPPING, lifecycle.state(), "nothing was taken out");
    }
}
