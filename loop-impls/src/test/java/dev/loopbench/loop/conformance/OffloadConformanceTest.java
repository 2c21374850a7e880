package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopTerminatedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract: offload. The seed-003 case: blocking work that finishes after the loop shut down never throws into
 * the worker, and its future never stays pending.
 */
class OffloadConformanceTest extends ConformanceSupport {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    /** Whatever escaped a worker of {@link #watchedWorkers}: must stay empty. */
    private final ConcurrentLinkedQueue<Throwable> workerFailures = new ConcurrentLinkedQueue<>();
    /** Runs each job on a fresh thread and records anything the job throws into that thread. */
    private final Executor watchedWorkers = job -> new Thread(() -> {
        try {
            job.run();
        } catch (Throwable escaped) {
            workerFailures.add(escaped);
        }
    }, "watched-worker").start();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "the offload pool did not stop");
    }

    @ConformanceTest
    @DisplayName("offload delivers the value on the loop thread")
    void offloadDeliversValueOnLoop(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> result = loop.offload(pool, () -> {
            finish.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return "blocking result";
        });
        CompletableFuture<Boolean> completedOnLoop = result.handle((value, failure) -> loop.inEventLoop());
        finish.countDown();
        // the continuation first: a thread blocked in result.get() may itself run result's dependents
        assertTrue(get(completedOnLoop, "the continuation"), "the offload's future completes on the loop thread");
        assertEquals("blocking result", get(result, "the offload"));
    }

    @ConformanceTest
    @DisplayName("offload delivers the exception on the loop thread")
    void offloadDeliversExceptionOnLoop(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch finish = new CountDownLatch(1);
        IOException thrown = new IOException("blocking call failed");
        CompletableFuture<String> result = loop.offload(pool, () -> {
            finish.await(WAIT_SECONDS, TimeUnit.SECONDS);
            throw thrown;
        });
        CompletableFuture<Boolean> completedOnLoop = result.handle((value, failure) -> loop.inEventLoop());
        finish.countDown();
        assertTrue(get(completedOnLoop, "the continuation"), "the offload's future completes on the loop thread");
        assertSame(thrown, failureOf(result, "the failing offload"));
    }

    @ConformanceTest
    @DisplayName("a graceful shutdown waits for an in-flight offload and delivers its outcome")
    void shutdownWaitsForInFlightOffload(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Integer> result = loop.offload(watchedWorkers, () -> {
            started.countDown();
            finish.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return 42;
        });
        CompletableFuture<Boolean> completedOnLoop = result.thenApply(value -> loop.inEventLoop());
        await(started, "the blocking call to start");
        loop.shutdown();
        assertFalse(loop.awaitTermination(50, TimeUnit.MILLISECONDS), "terminated with an offload in flight");
        finish.countDown();
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(42, result.getNow(-1), "the outcome arrived before termination");
        assertTrue(completedOnLoop.getNow(false), "and was delivered on the loop thread");
        assertTrue(workerFailures.isEmpty(), "the worker saw " + workerFailures);
    }

    @ConformanceTest
    @DisplayName("an offload that finishes after shutdownNow fails its future and throws nothing into the worker")
    void offloadFinishingAfterStopFailsQuietly(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch workerDone = new CountDownLatch(1);
        CompletableFuture<Integer> result = loop.offload(watchedWorkers, () -> {
            started.countDown();
            try {
                finish.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                workerDone.countDown();
            }
            return 7;
        });
        await(started, "the blocking call to start");
        loop.shutdownNow();
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
        Throwable failure = failureOf(result, "the offload that outlived its loop");
        assertInstanceOf(LoopTerminatedException.class, failure);
        assertTrue(failure.getMessage().contains(loop.name()), "the exception names the loop: " + failure);

        finish.countDown(); // the blocking call now finishes after its loop stopped
        assertTrue(workerDone.await(WAIT_SECONDS, TimeUnit.SECONDS), "the blocking call never finished");
        assertTrue(workerFailures.isEmpty(), "the worker saw " + workerFailures);
    }

    @ConformanceTest
    @DisplayName("cancelling an offload before it starts means the blocking call never runs")
    void cancelBeforeStart(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        ExecutorService singleWorker = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch release = new CountDownLatch(1);
            singleWorker.execute(() -> {
                try {
                    release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Boolean> result = loop.offload(singleWorker, () -> ran.getAndSet(true));
            assertTrue(result.cancel(true));
            release.countDown();
            singleWorker.shutdown();
            assertTrue(singleWorker.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
            assertFalse(ran.get(), "the cancelled blocking call ran");
            loop.shutdown();
            assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "a cancelled offload holds no shutdown");
        } finally {
            singleWorker.shutdownNow();
        }
    }

    @ConformanceTest
    @DisplayName("cancelling a running offload interrupts the blocking call, its cooperative signal")
    void cancelWhileRunningInterrupts(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sawInterrupt = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        CompletableFuture<String> result = loop.offload(pool, () -> {
            started.countDown();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                return "not interrupted";
            } catch (InterruptedException signal) {
                seen.set(signal);
                sawInterrupt.countDown();
                throw signal;
            }
        });
        await(started, "the blocking call to start");
        assertTrue(result.cancel(true));
        await(sawInterrupt, "the blocking call to see the interrupt");
        assertInstanceOf(InterruptedException.class, seen.get());
    }

    @ConformanceTest
    @DisplayName("an offload whose pool cancels it completes as cancelled and holds no shutdown")
    void poolCancellingTheCall(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        List<Runnable> accepted = new ArrayList<>();
        CompletableFuture<Integer> result = loop.offload(accepted::add, () -> 1);
        // what a pool's owner does with the tasks that its shutdownNow() returns
        ((Future<?>) accepted.get(0)).cancel(false);
        assertInstanceOf(CancellationException.class, failureOf(result, "the offload its pool cancelled"));
        loop.shutdown();
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @ConformanceTest
    @DisplayName("an offload whose pool drops it fails when the loop is stopped, instead of staying pending")
    void poolDroppingTheCall(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CompletableFuture<Integer> result = loop.offload(job -> { }, () -> 1);
        loop.shutdown();
        assertFalse(loop.isTerminated(), "a graceful shutdown waits for the dropped offload's outcome");
        loop.shutdownNow();
        assertInstanceOf(LoopTerminatedException.class, failureOf(result, "the offload its pool dropped"));
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }
}
