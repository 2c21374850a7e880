package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import org.junit.jupiter.api.DisplayName;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract: interrupts. Every task starts with the loop thread's interrupt status clear, whoever interrupted it
 * before; and {@code close()} interrupted while it waits stops the loop as {@code shutdownNow()} does, as JDK 19's
 * {@code ExecutorService.close()} does, and returns with the caller's interrupt status set.
 */
class InterruptConformanceTest extends ConformanceSupport {

    private static final int ROUNDS = 200;

    @ConformanceTest
    @DisplayName("an interrupt left by one task, or sent to an idle loop, does not reach the next task")
    void everyTaskStartsUninterrupted(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        Thread loopThread = get(loop.submit(Thread::currentThread), "the loop's thread");
        for (int round = 0; round < ROUNDS; round++) {
            loop.execute(() -> Thread.currentThread().interrupt());
            assertFalse(get(loop.submit(() -> Thread.currentThread().isInterrupted()), "the next task"),
                    "round " + round + ": a task saw the interrupt its predecessor left");
            loopThread.interrupt(); // while the loop is idle or about to be
            assertFalse(get(loop.submit(() -> Thread.currentThread().isInterrupted()), "a task after an interrupt"),
                    "round " + round + ": a task saw an interrupt sent to the idle loop");
        }
    }

    @ConformanceTest
    @DisplayName("close() interrupted while it waits stops the loop like shutdownNow() and keeps the interrupt")
    void interruptedCloseStopsTheLoop(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch blockingStarted = new CountDownLatch(1);
        AtomicBoolean blockingInterrupted = new AtomicBoolean();
        loop.execute(() -> {
            blockingStarted.countDown();
            try {
                new CountDownLatch(1).await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                blockingInterrupted.set(true);
            }
        });
        await(blockingStarted, "the blocking task to start");
        CompletableFuture<String> queued = loop.submit(() -> "ran");

        AtomicReference<Boolean> closerInterruptedAfter = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            loop.close();
            closerInterruptedAfter.set(Thread.currentThread().isInterrupted());
            closed.countDown();
        }, "closer");
        closer.start();
        while (closer.getState() != Thread.State.WAITING && closer.getState() != Thread.State.TIMED_WAITING
                && closed.getCount() > 0) {
            Thread.onSpinWait();
        }
        closer.interrupt();

        await(closed, "close() to return after its caller was interrupted");
        assertNotNull(closerInterruptedAfter.get());
        assertTrue(closerInterruptedAfter.get(), "close() swallowed its caller's interrupt");
        assertTrue(loop.isTerminated(), "the loop did not stop");
        assertTrue(blockingInterrupted.get(), "the running task was not interrupted, as shutdownNow() does");
        assertNotNull(failureOf(queued, "the queued task's future"), "the queued task's future");
    }
}
