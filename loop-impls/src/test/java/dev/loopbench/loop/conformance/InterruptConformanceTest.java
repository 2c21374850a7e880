package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Contract: interrupts. Every task starts with the loop thread's interrupt status clear, whoever interrupted it
 * before; no interrupt from another thread stops the loop, however many and whenever they come; and {@code close()} interrupted while it waits stops the loop as {@code shutdownNow()} does, as JDK 19's
 * {@code ExecutorService.close()} does, and returns with the caller's interrupt status set.
 */
class InterruptConformanceTest extends ConformanceSupport {

    private static final int ROUNDS = 200;
    /**
     * How long a thread interrupts the loop thread flat out. A loop that an interrupt can stop stops within a
     * millisecond where the interrupter and the loop have a core each, and within a few hundred on a loaded 2-core
     * machine.
     */
    private static final long INTERRUPT_STORM_MILLIS = 1_000;
    /** Shorter per strategy: the spinning ones are stopped within microseconds, the parking ones are tried above. */
    private static final long STRATEGY_INTERRUPT_STORM_MILLIS = 300;

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
    @DisplayName("a thread interrupting the loop thread flat out neither stops the loop nor reaches a task")
    void interruptsFlatOutDoNotStopTheLoop(String impl) throws Exception {
        survivesInterruptsFlatOut(newLoop(impl), INTERRUPT_STORM_MILLIS);
    }

    /**
     * The loops driven by a library's own runner, with each of their idle and wait strategies: the strategies that
     * spin reach the moment right after the flag is cleared most often.
     */
    @ParameterizedTest(name = "[{0} {1}={2}] a thread interrupting the loop thread flat out does not stop it")
    @MethodSource("dev.loopbench.loop.RingLoopOptionsTest#everyStrategy")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void noIdleStrategyStopsOnInterrupts(String impl, String option, String alias) throws Exception {
        assumeTrue(implementations().contains(impl), impl + " is unavailable here");
        survivesInterruptsFlatOut(track(EventLoopRegistry.builder(impl).option(option, alias).build()),
                STRATEGY_INTERRUPT_STORM_MILLIS);
    }

    /**
     * Interrupts the loop thread flat out from another thread for {@code millis}, while this thread keeps the loop
     * going between work and idling with round trips, so that the interrupts hit every step of its idle cycle; the
     * loop must run on, and its next task start uninterrupted.
     */
    private static void survivesInterruptsFlatOut(EventLoop loop, long millis) throws Exception {
        Thread loopThread = get(loop.submit(Thread::currentThread), "the loop's thread");
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread interrupter = new Thread(() -> {
            while (System.nanoTime() - end < 0) {
                loopThread.interrupt();
            }
        }, "interrupter");
        interrupter.start();
        try {
            for (int round = 0; interrupter.isAlive(); round++) {
                assertFalse(loop.isShutdown(), "round " + round + ": interrupts from another thread stopped the loop");
                int expected = round; // a task may see an interrupt sent while it runs: it only returns
                assertEquals(expected, get(loop.submit(() -> expected), "round " + round));
            }
        } finally {
            interrupter.join();
        }
        assertFalse(loop.isShutdown(), "interrupts from another thread stopped the loop");
        assertFalse(get(loop.submit(() -> Thread.currentThread().isInterrupted()), "a task after the interrupts"),
                "a task saw an interrupt sent to the loop thread before it started");
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
