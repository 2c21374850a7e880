package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every conformance test shares: the implementations to run against, loops that are always stopped after
 * the test, and waits that fail with a message instead of hanging.
 */
abstract class ConformanceSupport {

    /** Long enough for a 2-core machine under load; a correct loop answers in microseconds. */
    static final long WAIT_SECONDS = 20;

    private final List<EventLoop> loops = new ArrayList<>();
    /** Throwables that reached the uncaught-exception handler of loops made by {@link #newLoop}. */
    final BlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();

    /** Every registered loop that can run here; {@code EventLoopRegistryTest} reports the others and why. */
    static List<String> implementations() {
        return EventLoopRegistry.availableNames();
    }

    /** A started loop of {@code impl} whose uncaught throwables land in {@link #uncaught}. */
    EventLoop newLoop(String impl) {
        return track(EventLoopRegistry.builder(impl)
                .uncaughtExceptionHandler((thread, thrown) -> uncaught.add(thrown))
                .build());
    }

    EventLoop track(EventLoop loop) {
        loops.add(loop);
        return loop;
    }

    @AfterEach
    void stopEveryLoop() throws InterruptedException {
        for (EventLoop loop : loops) {
            loop.shutdownNow();
            assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS),
                    () -> loop.name() + " did not terminate after shutdownNow()");
        }
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting for " + what);
    }

    static <V> V get(Future<V> future, String what) throws InterruptedException, ExecutionException {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("timed out waiting for " + what + ": the future never completed");
        }
    }

    /** The throwable a future completed with, or a failure if it completed normally or never. */
    static Throwable failureOf(Future<?> future, String what) throws InterruptedException {
        try {
            Object value = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail(what + " completed normally with " + value + "; expected it to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            return fail("timed out waiting for " + what + ": the future never completed");
        }
    }

    /** Blocks the loop thread until the returned latch is released, so that later tasks queue up. */
    static CountDownLatch occupy(EventLoop loop) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            started.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException stoppedByShutdownNow) {
                Thread.currentThread().interrupt();
            }
        });
        await(started, "the loop to start the occupying task");
        return release;
    }
}
