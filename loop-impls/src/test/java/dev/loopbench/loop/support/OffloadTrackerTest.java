package dev.loopbench.loop.support;

import dev.loopbench.loop.LoopTerminatedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OffloadTracker} alone: a scripted loop, a list as its queue, and a pool that runs calls at once. */
class OffloadTrackerTest {

    private static final Executor RUN_AT_ONCE = Runnable::run;

    /** The loop as the offloads see it; the test plays its thread by running what was queued. */
    private static final class ScriptedLoop implements OffloadTracker.Loop, Admission.Loop {
        final List<Runnable> queued = new ArrayList<>();
        int closeChecks;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int pendingTasks() {
            return queued.size();
        }

        @Override
        public void enqueue(Runnable task) {
            queued.add(task);
        }

        @Override
        public Executor executor() {
            return this::enqueue;
        }

        @Override
        public Executor continuationExecutor() {
            return this::enqueue;
        }

        @Override
        public boolean inEventLoop() {
            return true;
        }

        @Override
        public void requestCloseCheck() {
            closeChecks++;
        }

        void runQueued() {
            List<Runnable> tasks = new ArrayList<>(queued);
            queued.clear();
            tasks.forEach(Runnable::run);
        }
    }

    private final LoopLifecycle lifecycle = new LoopLifecycle();
    private final ScriptedLoop loop = new ScriptedLoop();
    private final OffloadTracker offloads = new OffloadTracker(loop, lifecycle, new Admission(loop, lifecycle, 0));

    @Test
    void anOutcomeCompletesItsFutureOnTheLoopAndHoldsInputOpenUntilThen() throws Exception {
        CompletableFuture<String> future = offloads.start(RUN_AT_ONCE, () -> "done");

        assertFalse(future.isDone(), "the outcome completes the future on the loop thread, not on the pool's");
        assertTrue(offloads.anyInFlight());
        assertEquals(1, loop.queued.size());
        loop.runQueued();
        assertEquals("done", future.get());
        assertFalse(offloads.anyInFlight());
    }

    @Test
    void aLoopNoLongerRunningRefusesTheOffloadAndCountsNothing() {
        lifecycle.advance(LoopLifecycle.SHUTTING_DOWN);

        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class,
                () -> offloads.start(RUN_AT_ONCE, () -> "never"));
        assertEquals("event loop 'scripted' is shutting down and accepts no new tasks", refused.getMessage());
        assertFalse(offloads.anyInFlight());
    }

    @Test
    void aPoolThatRefusesFailsTheFutureNotTheCaller() {
        RejectedExecutionException full = new RejectedExecutionException("pool full");

        CompletableFuture<String> future = offloads.start(task -> {
            throw full;
        }, () -> "never");

        ExecutionException failed = assertThrows(ExecutionException.class, future::get);
        assertEquals(full, failed.getCause());
        assertFalse(offloads.anyInFlight());
    }

    @Test
    void theLastOutcomeDuringAGracefulShutdownAsksTheLoopToCloseInput() {
        CompletableFuture<String> future = offloads.start(RUN_AT_ONCE, () -> "done");
        lifecycle.advance(LoopLifecycle.SHUTTING_DOWN);

        loop.runQueued();

        assertTrue(future.isDone());
        assertEquals(1, loop.closeChecks);
    }

    @Test
    void anOutcomeThatFindsTheLoopStoppedCompletesItsFutureOnThePoolThread() {
        List<Runnable> calls = new ArrayList<>();
        CompletableFuture<String> future = offloads.start(calls::add, () -> "late");
        lifecycle.advance(LoopLifecycle.STOPPING);

        calls.forEach(Runnable::run); // the pool runs the call only now

        ExecutionException failed = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(LoopTerminatedException.class, failed.getCause());
        assertEquals(List.of(), loop.queued);
        assertFalse(offloads.anyInFlight());
    }

    @Test
    void aStoppingLoopAbandonsTheOffloadsStillOnTheirPools() {
        List<Runnable> calls = new ArrayList<>();
        CompletableFuture<String> future = offloads.start(calls::add, () -> "never");

        offloads.abandonAll();

        ExecutionException failed = assertThrows(ExecutionException.class, future::get);
        assertEquals("event loop 'scripted' stopped before the offloaded call finished", failed.getCause().getMessage());
        assertFalse(offloads.anyInFlight());
    }
}
