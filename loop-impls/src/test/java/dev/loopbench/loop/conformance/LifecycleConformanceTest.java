package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopTerminatedException;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Contract: lifecycle. Graceful and abrupt shutdown, and shutdown racing producers. */
class LifecycleConformanceTest extends ConformanceSupport {

    private static final int QUEUED = 1_000;
    private static final int STORM_ROUNDS = 300;
    private static final int STORM_PRODUCERS = 4;
    private static final int RETRY_ROUNDS = 10;
    private static final int SELF_RESCHEDULING_TICKS = 100;
    private static final int WAITER_TRIALS = 30;
    private static final int WAITERS = 2;
    private static final int CONTINUATIONS_PER_TRIAL = 8;
    /** A bound on each retrying producer, so that it ends even if the loop never closes. */
    private static final long MAX_RETRIES = 50_000_000;
    /** Generous: a shutdown that no producer holds open returns in microseconds. */
    private static final long RETRY_WAIT_SECONDS = 10;

    @ConformanceTest
    @DisplayName("shutdown runs everything already accepted, then terminates; later calls are rejected")
    void shutdownRunsAcceptedWork(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch release = occupy(loop);
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            loop.execute(ran::incrementAndGet);
            int value = i;
            futures.add(loop.submit(() -> value));
        }
        loop.shutdown();
        assertTrue(loop.isShutdown());
        assertThrows(RejectedExecutionException.class, () -> loop.execute(ran::incrementAndGet));
        assertThrows(RejectedExecutionException.class, () -> loop.submit(() -> -1));
        assertThrows(RejectedExecutionException.class, () -> loop.offload(Runnable::run, () -> -1));
        release.countDown();

        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "terminates after the queue is run");
        assertTrue(loop.isTerminated());
        assertEquals(QUEUED, ran.get(), "every accepted Runnable ran");
        for (int i = 0; i < QUEUED; i++) {
            assertEquals(i, futures.get(i).getNow(-1), "accepted future " + i);
        }
    }

    @ConformanceTest
    @DisplayName("shutdownNow returns exactly the never-started tasks and fails their futures")
    void shutdownNowAbandonsQueuedTasks(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        occupy(loop); // released by shutdownNow's interrupt
        AtomicInteger ran = new AtomicInteger();
        Set<Object> queued = Collections.newSetFromMap(new IdentityHashMap<>());
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Runnable runnable = ran::incrementAndGet;
            loop.execute(runnable);
            queued.add(runnable);
            CompletableFuture<Integer> future = loop.submit(ran::incrementAndGet);
            futures.add(future);
            queued.add(future);
        }

        List<Runnable> neverStarted = loop.shutdownNow();

        Set<Object> returned = Collections.newSetFromMap(new IdentityHashMap<>());
        returned.addAll(neverStarted);
        assertEquals(neverStarted.size(), returned.size(), "no task is returned twice");
        assertEquals(queued, returned, "the returned tasks are exactly the queued ones");
        for (CompletableFuture<Integer> future : futures) {
            Throwable failure = failureOf(future, "an abandoned future");
            assertInstanceOf(LoopTerminatedException.class, failure);
            assertTrue(failure.getMessage().contains(loop.name()), "the exception names the loop: " + failure);
        }
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, ran.get(), "no abandoned task ran");
        assertThrows(RejectedExecutionException.class, () -> loop.execute(ran::incrementAndGet));
        assertEquals(List.of(), loop.shutdownNow(), "a second shutdownNow has nothing left to return");
    }

    @ConformanceTest
    @DisplayName("shutdownNow fails the *Async stages whose tasks it takes out unrun, and every stage after them")
    void shutdownNowFailsTheStagesOfContinuationsItTakesOut(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CompletableFuture<Integer> source = loop.submit(() -> 1);
        get(source, "the source future");
        occupy(loop); // released by shutdownNow's interrupt
        // the source is complete, so each stage's task goes straight into the queue, behind the occupying task
        List<CompletableFuture<?>> stages = List.of(
                source.thenApplyAsync(x -> x + 1),
                source.thenApplyAsync(x -> x + 1, loop),
                source.thenAcceptAsync(x -> { }),
                source.handleAsync((x, failure) -> x),
                source.thenComposeAsync(CompletableFuture::completedFuture).thenApply(x -> x + 1));

        List<Runnable> neverStarted = loop.shutdownNow();

        assertEquals(stages.size(), neverStarted.size(), "each stage's task is handed back: " + neverStarted);
        for (CompletableFuture<?> stage : stages) {
            assertInstanceOf(LoopTerminatedException.class, failureOf(stage, "a stage whose task never ran"));
        }
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @ConformanceTest
    @DisplayName("shutdownNow called by a task returns the tasks queued behind it and fails their futures")
    void shutdownNowFromTheLoopThread(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch release = occupy(loop);
        CompletableFuture<List<Runnable>> returned = loop.submit(loop::shutdownNow);
        Runnable queuedRunnable = () -> { };
        loop.execute(queuedRunnable);
        CompletableFuture<String> queuedFuture = loop.submit(() -> "never");
        release.countDown();

        Set<Object> expected = Collections.newSetFromMap(new IdentityHashMap<>());
        expected.add(queuedRunnable);
        expected.add(queuedFuture);
        Set<Object> actual = Collections.newSetFromMap(new IdentityHashMap<>());
        actual.addAll(get(returned, "shutdownNow() on the loop thread"));
        assertEquals(expected, actual);
        assertInstanceOf(LoopTerminatedException.class, failureOf(queuedFuture, "the abandoned future"));
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @ConformanceTest
    @DisplayName("two loops whose tasks stop each other both terminate: no loop thread waits for another loop")
    void loopsStoppingEachOtherDoNotDeadlock(String impl) throws Exception {
        EventLoop first = newLoop(impl);
        EventLoop second = newLoop(impl);
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        first.execute(() -> {
            awaitQuietly(bothRunning);
            second.shutdownNow();
        });
        second.execute(() -> {
            awaitQuietly(bothRunning);
            first.shutdownNow();
        });
        assertTrue(first.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "the first loop is stuck");
        assertTrue(second.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "the second loop is stuck");
    }

    @ConformanceTest
    @DisplayName("two loops whose tasks close each other both terminate: close() on a loop thread does not wait")
    void loopsClosingEachOtherDoNotDeadlock(String impl) throws Exception {
        closeInACycle(impl, 2);
    }

    @ConformanceTest
    @DisplayName("three loops whose tasks close the next in a ring all terminate")
    void aRingOfLoopsClosingEachOtherDoesNotDeadlock(String impl) throws Exception {
        closeInACycle(impl, 3);
    }

    /**
     * A task on each of {@code count} loops closes the next loop, all at once. Waiting in close() there would wait
     * in a cycle that nothing breaks, so the loops are tracked for the after-test stop only once they are known
     * not to be stuck: a {@code shutdownNow()} from the test thread would wait for the stuck tasks forever.
     */
    private void closeInACycle(String impl, int count) throws Exception {
        List<EventLoop> ring = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ring.add(EventLoopRegistry.create(impl));
        }
        CyclicBarrier allRunning = new CyclicBarrier(count);
        CountDownLatch closesReturned = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            EventLoop next = ring.get((i + 1) % count);
            ring.get(i).execute(() -> {
                awaitQuietly(allRunning);
                next.close();
                closesReturned.countDown();
            });
        }
        await(closesReturned, "close() called by each loop's task on the next loop to return");
        ring.forEach(this::track);
        for (EventLoop loop : ring) {
            assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), loop.name() + " is stuck");
        }
    }

    @ConformanceTest
    @DisplayName("during a graceful shutdown the loop still runs the continuations of accepted work, from any thread")
    void gracefulShutdownRunsContinuations(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CompletableFuture<Integer> completedBefore = loop.submit(() -> 10);
        get(completedBefore, "a task run before the shutdown");
        CountDownLatch release = occupy(loop);
        CompletableFuture<Integer> chained = loop.submit(() -> 1)
                .thenApplyAsync(value -> value + 1)
                .thenComposeAsync(value -> CompletableFuture.completedFuture(value + 1), loop);
        loop.shutdown();
        // a continuation from another thread, of work the loop accepted before, while the loop is still busy
        CompletableFuture<Integer> fromOutside = completedBefore.thenApplyAsync(value -> value + 1, loop);
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }), "new work is refused");
        release.countDown();
        assertEquals(3, get(chained, "a chain of continuations scheduled by the loop itself"));
        assertEquals(11, get(fromOutside, "a continuation attached from another thread during the shutdown"));
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @ConformanceTest
    @DisplayName("a task that reschedules itself is rejected once shutdown begins, from any thread, and the loop ends")
    void selfReschedulingTaskEndsWithShutdown(String impl) throws Exception {
        for (boolean fromTask : new boolean[] {true, false}) {
            for (boolean viaSubmit : new boolean[] {false, true}) {
                selfReschedulingRound(impl, fromTask, viaSubmit);
            }
        }
    }

    /**
     * A timer tick or retry loop: each run schedules the next from the loop thread. A shutdown must stop it, or
     * the loop never terminates; the tick learns of the shutdown through the rejection.
     */
    private void selfReschedulingRound(String impl, boolean shutdownFromTask, boolean viaSubmit) throws Exception {
        EventLoop loop = newLoop(impl);
        String round = (shutdownFromTask ? "shutdown() in the tick" : "shutdown() from another thread")
                + (viaSubmit ? ", rescheduled by submit()" : ", rescheduled by execute()");
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch ticking = new CountDownLatch(SELF_RESCHEDULING_TICKS);
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                ticks.incrementAndGet();
                ticking.countDown();
                if (shutdownFromTask && ticking.getCount() == 0) {
                    loop.shutdown();
                }
                try {
                    if (viaSubmit) {
                        loop.submit(() -> {
                            run();
                            return null;
                        });
                    } else {
                        loop.execute(this);
                    }
                } catch (Throwable refused) {
                    refusal.complete(refused);
                }
            }
        };
        loop.execute(tick);
        await(ticking, "the tick to run " + SELF_RESCHEDULING_TICKS + " times");
        if (!shutdownFromTask) {
            loop.shutdown();
        }
        assertInstanceOf(RejectedExecutionException.class, get(refusal, round + ": the tick's rejection"), round);
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS),
                round + ": the loop kept running after " + ticks.get() + " ticks");
    }

    @ConformanceTest
    @DisplayName("during a graceful shutdown, continuations run even with threads blocked in get() of their source")
    void gracefulShutdownRunsContinuationsFiredByAWaiter(String impl) throws Exception {
        for (int trial = 0; trial < WAITER_TRIALS; trial++) {
            waiterTrial(impl, trial);
        }
    }

    /**
     * A thread blocked in {@code get()} of a plain {@link CompletableFuture} fires the pending completions of that
     * future when it wakes, so an {@code *Async(fn, loop)} continuation may reach the loop from that thread, after
     * the loop thread finished its last task. The continuations of accepted work must run all the same.
     */
    private void waiterTrial(String impl, int trial) throws Exception {
        EventLoop loop = newLoop(impl);
        CountDownLatch release = occupy(loop);
        CompletableFuture<Integer> accepted = loop.submit(() -> 1);
        List<CompletableFuture<Integer>> continuations = new ArrayList<>();
        for (int i = 0; i < CONTINUATIONS_PER_TRIAL; i++) {
            continuations.add((i & 1) == 0
                    ? accepted.thenApplyAsync(value -> value + 1, loop)
                    : accepted.thenApplyAsync(value -> value + 1));
        }
        List<Thread> waiters = new ArrayList<>();
        for (int w = 0; w < WAITERS; w++) {
            Thread waiter = new Thread(() -> {
                try {
                    accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the outcome is checked through the continuations
                }
            }, "waiter-" + w);
            waiters.add(waiter);
            waiter.start();
        }
        for (Thread waiter : waiters) {
            awaitBlocked(waiter);
        }
        loop.shutdown();
        release.countDown();
        for (int i = 0; i < continuations.size(); i++) {
            try {
                assertEquals(2, get(continuations.get(i), "continuation " + i),
                        "trial " + trial + ": continuation " + i);
            } catch (java.util.concurrent.ExecutionException e) {
                fail("trial " + trial + ": continuation " + i + " of accepted work failed: " + e.getCause());
            }
        }
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "trial " + trial + ": no termination");
        for (Thread waiter : waiters) {
            waiter.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertFalse(waiter.isAlive(), "trial " + trial + ": a waiter is stuck");
        }
    }

    /** Waits, within WAIT_SECONDS, until {@code thread} is parked: here, blocked in get(). */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, thread.getName() + " never blocked");
            Thread.sleep(1);
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the loops never ran together", e);
        }
    }

    @ConformanceTest
    @DisplayName("shutdown, shutdownNow and close are idempotent, and close on the loop thread does not wait")
    void lifecycleCallsAreIdempotent(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        CompletableFuture<Boolean> closedFromLoop = loop.submit(() -> {
            loop.close(); // must return: waiting here would wait for this very task
            loop.shutdown();
            return loop.isShutdown();
        });
        assertTrue(get(closedFromLoop, "close() called on the loop thread"));
        loop.close();
        loop.shutdown();
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(), loop.shutdownNow());
        loop.close();
        assertTrue(loop.isTerminated());
    }

    @ConformanceTest
    @DisplayName("4 producers retrying after rejection hold neither shutdown nor shutdownNow open")
    void retryingProducersDoNotHoldShutdownOpen(String impl) throws Exception {
        for (int round = 0; round < RETRY_ROUNDS; round++) {
            retryRound(impl, round, (round & 1) == 0);
        }
    }

    /**
     * Producers that retry at once after a rejection, as a naive client does, call execute() back to back for as
     * long as the loop shuts down: a shutdown that waited for a moment with no producer inside would wait for
     * them to give up. They start together with the closer, so that the queue holds only the few tasks accepted
     * before the state changed. Each producer stops after a bounded number of calls, so a failing test ends.
     */
    private void retryRound(String impl, int round, boolean graceful) throws Exception {
        EventLoop loop = newLoop(impl);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch allRejected = new CountDownLatch(STORM_PRODUCERS);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(STORM_PRODUCERS + 1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < STORM_PRODUCERS; p++) {
            Thread producer = new Thread(() -> {
                try {
                    start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    unexpected.add(e);
                    return;
                }
                boolean counted = false;
                for (long call = 0; call < MAX_RETRIES && !stop.get(); call++) {
                    try {
                        loop.execute(() -> { });
                    } catch (RejectedExecutionException expected) {
                        if (!counted) {
                            counted = true;
                            allRejected.countDown();
                        }
                    } catch (Throwable t) {
                        unexpected.add(t);
                        return;
                    }
                }
            }, "retrying-producer-" + p);
            producers.add(producer);
            producer.start();
        }
        try {
            CountDownLatch returned = new CountDownLatch(1);
            Thread closer = new Thread(() -> {
                try {
                    start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    unexpected.add(e);
                }
                if (graceful) {
                    loop.shutdown();
                } else {
                    loop.shutdownNow();
                }
                returned.countDown();
            }, "closer");
            closer.start();
            String call = graceful ? "shutdown()" : "shutdownNow()";
            assertTrue(returned.await(RETRY_WAIT_SECONDS, TimeUnit.SECONDS),
                    "round " + round + ": " + call + " did not return while producers retried");
            await(allRejected, "every producer to be rejected");
            assertTrue(loop.awaitTermination(RETRY_WAIT_SECONDS, TimeUnit.SECONDS),
                    "round " + round + ": no termination after " + call + " while producers retried");
            closer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertFalse(closer.isAlive(), "round " + round + ": the closer is stuck");
        } finally {
            stop.set(true);
            for (Thread producer : producers) {
                producer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                assertFalse(producer.isAlive(), "round " + round + ": a producer is stuck");
            }
        }
        assertEquals(List.of(), List.copyOf(unexpected), "round " + round + ": producers saw only rejections");
    }

    @ConformanceTest
    @DisplayName("shutdown racing 4 submitting threads: every call ran, was rejected, or its future failed")
    void shutdownRacingSubmissions(String impl) throws Exception {
        for (int round = 0; round < STORM_ROUNDS; round++) {
            stormRound(impl, round);
        }
    }

    private void stormRound(String impl, int round) throws Exception {
        EventLoop loop = newLoop(impl);
        AtomicInteger executed = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<Integer>> futures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(STORM_PRODUCERS + 1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < STORM_PRODUCERS; p++) {
            Thread producer = new Thread(() -> {
                try {
                    start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    for (int i = 0; i < 200; i++) {
                        try {
                            if ((i & 1) == 0) {
                                executed.incrementAndGet();
                                loop.execute(ran::incrementAndGet);
                            } else {
                                futures.add(loop.submit(() -> 1));
                            }
                        } catch (RejectedExecutionException expected) {
                            rejected.incrementAndGet();
                        }
                    }
                } catch (Throwable t) {
                    unexpected.add(t);
                }
            });
            producers.add(producer);
            producer.start();
        }
        start.await(WAIT_SECONDS, TimeUnit.SECONDS);
        boolean graceful = (round & 1) == 0;
        List<Runnable> abandoned = List.of();
        if (graceful) {
            loop.shutdown();
        } else {
            abandoned = loop.shutdownNow();
        }
        for (Thread producer : producers) {
            producer.join(WAIT_SECONDS * 1000);
            assertFalse(producer.isAlive(), "round " + round + ": a producer is stuck");
        }
        assertTrue(loop.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "round " + round + ": no termination");
        assertEquals(List.of(), List.copyOf(unexpected), "round " + round + ": producers saw only rejections");
        int acceptedExecutes = executed.get() - countRejectedExecutes(rejected.get(), futures.size());
        long abandonedExecutes = abandoned.stream().filter(task -> !(task instanceof CompletableFuture)).count();
        assertEquals(acceptedExecutes, ran.get() + abandonedExecutes,
                "round " + round + ": every accepted execute ran or was returned by shutdownNow");
        for (CompletableFuture<Integer> future : futures) {
            if (!future.isDone()) {
                fail("round " + round + ": a future is still pending after termination");
            }
            if (graceful && future.isCompletedExceptionally()) {
                fail("round " + round + ": a graceful shutdown failed an accepted submit: " + future);
            }
        }
    }

    /** Producers alternate execute and submit, 200 calls each, so rejections split between the two kinds. */
    private static int countRejectedExecutes(int rejected, int acceptedSubmits) {
        int submits = STORM_PRODUCERS * 100;
        int rejectedSubmits = submits - acceptedSubmits;
        return rejected - rejectedSubmits;
    }
}
