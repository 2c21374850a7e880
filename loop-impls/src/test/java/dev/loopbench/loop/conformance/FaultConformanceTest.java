package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopTerminatedException;
import org.junit.jupiter.api.DisplayName;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract: faults. The seed-000 case: no task, however it fails, leaves a future pending or kills the loop. */
class FaultConformanceTest extends ConformanceSupport {

    @ConformanceTest
    @DisplayName("submit completes exceptionally when the task throws a RuntimeException")
    void submitCompletesWithRuntimeException(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        IllegalStateException thrown = new IllegalStateException("task failed");
        assertSame(thrown, failureOf(loop.submit(() -> {
            throw thrown;
        }), "a failing task"));
        assertEquals(1, get(loop.submit(() -> 1), "the next task"));
    }

    @ConformanceTest
    @DisplayName("submit completes when the task throws an Error, and the loop runs the next task")
    void submitCompletesWithError(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        assertInstanceOf(StackOverflowError.class,
                failureOf(loop.submit(FaultConformanceTest::recurseForever), "a task that overflows its stack"));
        AssertionError assertion = new AssertionError("task asserted");
        assertSame(assertion, failureOf(loop.submit(() -> {
            throw assertion;
        }), "a task that throws AssertionError"));
        assertEquals("alive", get(loop.submit(() -> "alive"), "the task after the Errors"));
        assertTrue(uncaught.isEmpty(), "a submitted task's throwable belongs to its future, not the handler");
    }

    @ConformanceTest
    @DisplayName("a Runnable that throws through execute reaches the uncaught-exception handler and the loop survives")
    void executeFailureReachesHandler(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        RuntimeException runtime = new RuntimeException("runnable failed");
        AssertionError error = new AssertionError("runnable asserted");
        loop.execute(() -> {
            throw runtime;
        });
        loop.execute(() -> {
            throw error;
        });
        assertSame(runtime, uncaught.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the handler gets the RuntimeException");
        assertSame(error, uncaught.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the handler gets the Error");
        assertEquals("alive", get(loop.submit(() -> "alive"), "the task after the failures"));
    }

    @ConformanceTest
    @DisplayName("when the loop thread dies, pending futures fail, new work is rejected and awaitTermination returns")
    void deathCompletesEverything(String impl) throws Exception {
        EventLoop loop = track(EventLoopRegistry.builder(impl)
                .uncaughtExceptionHandler((thread, thrown) -> {
                    throw new IllegalStateException("the handler itself failed", thrown);
                })
                .build());
        CountDownLatch release = occupy(loop);
        loop.execute(() -> {
            throw new RuntimeException("fatal once the handler throws");
        });
        CompletableFuture<String> pending1 = loop.submit(() -> "never");
        CompletableFuture<String> pending2 = loop.submit(() -> "never");
        release.countDown();

        Throwable failure1 = failureOf(pending1, "a future queued behind the fatal task");
        assertInstanceOf(LoopTerminatedException.class, failure1);
        assertTrue(failure1.getMessage().contains(loop.name()), "the exception names the loop: " + failure1);
        assertNotNull(failure1.getCause(), "the exception carries the reason the loop died");
        assertInstanceOf(LoopTerminatedException.class, failureOf(pending2, "the second queued future"));
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "awaitTermination returns");
        assertTrue(loop.isShutdown());
        assertThrows(RejectedExecutionException.class, () -> loop.submit(() -> "late"));
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
    }

    @ConformanceTest
    @DisplayName("a handler that rethrows the task's own throwable ends the loop as cleanly as any failing handler")
    void failFastHandlerEndsTheLoopCleanly(String impl) throws Exception {
        EventLoop loop = track(EventLoopRegistry.builder(impl)
                .uncaughtExceptionHandler((thread, thrown) -> {
                    throw (RuntimeException) thrown;
                })
                .build());
        CountDownLatch release = occupy(loop);
        loop.execute(() -> {
            throw new IllegalStateException("rethrown by the handler");
        });
        CompletableFuture<String> pending = loop.submit(() -> "never");
        release.countDown();

        assertInstanceOf(LoopTerminatedException.class, failureOf(pending, "a future queued behind the fatal task"));
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "awaitTermination returns");
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
    }

    private static int recurseForever() {
        return recurseForever() + 1;
    }
}
