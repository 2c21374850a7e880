package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.OrderedProducers;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopOption;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract: entry points. FIFO per producer, no re-entrancy, values and nulls. */
class SubmissionConformanceTest extends ConformanceSupport {

    private static final int PRODUCERS = 4;
    private static final int TASKS_PER_PRODUCER = 100_000;
    private static final int BOUND = 3;

    @ConformanceTest
    @DisplayName("tasks from each of 4 producers run once each, in the order each producer gave them")
    void fifoPerProducer(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        OrderedProducers producers = new OrderedProducers(PRODUCERS, TASKS_PER_PRODUCER);
        producers.start(loop);
        producers.awaitGiven(WAIT_SECONDS);
        int ran = get(loop.submit(producers::runs), "the final task");
        assertEquals(List.of(), get(loop.submit(producers::violations), "the order check"));
        assertEquals(PRODUCERS * TASKS_PER_PRODUCER, ran, "every task runs exactly once");
        for (int p = 0; p < PRODUCERS; p++) {
            assertEquals(TASKS_PER_PRODUCER, producers.lastSeen(p), "last task of producer " + p);
        }
    }

    @ConformanceTest
    @DisplayName("a task submitted from the loop thread runs after the current task, never re-entrantly")
    void noReentrancy(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        List<String> events = new ArrayList<>();
        CompletableFuture<Void> innerDone = new CompletableFuture<>();
        loop.execute(() -> {
            events.add("outer starts");
            loop.execute(() -> {
                events.add("inner runs");
                innerDone.complete(null);
            });
            events.add("outer ends");
        });
        get(innerDone, "the inner task");
        assertEquals(List.of("outer starts", "outer ends", "inner runs"),
                get(loop.submit(() -> List.copyOf(events)), "the event list"));
    }

    @ConformanceTest
    @DisplayName("submit completes with the task's value, on the loop thread")
    void submitCompletesWithValue(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        AtomicReference<Boolean> ranOnLoop = new AtomicReference<>();
        assertEquals("value", get(loop.submit(() -> {
            ranOnLoop.set(loop.inEventLoop());
            return "value";
        }), "submit"));
        assertTrue(ranOnLoop.get(), "inEventLoop() inside a task");
        assertFalse(loop.inEventLoop(), "inEventLoop() on the test thread");
    }

    @ConformanceTest
    @DisplayName("beyond maxPendingTasks, execute and submit are rejected in the caller; continuations are not")
    void boundedQueueRejectsInTheCaller(String impl) throws Exception {
        EventLoop loop = track(EventLoopRegistry.builder(impl)
                .option(LoopOption.MAX_PENDING_TASKS, Integer.toString(BOUND))
                .uncaughtExceptionHandler((thread, thrown) -> uncaught.add(thrown))
                .build());
        CompletableFuture<Integer> completed = loop.submit(() -> 1);
        get(completed, "a task run before the queue fills");
        CountDownLatch release = occupy(loop);
        CountDownLatch ran = new CountDownLatch(BOUND);
        for (int i = 0; i < BOUND; i++) {
            loop.execute(ran::countDown);
        }
        RejectedExecutionException overflow =
                assertThrows(RejectedExecutionException.class, () -> loop.execute(ran::countDown));
        assertTrue(overflow.getMessage().contains(loop.name()), "the message names the loop: " + overflow);
        assertTrue(overflow.getMessage().contains(BOUND + " tasks pending, its maxPendingTasks bound"),
                "the message names the bound: " + overflow);
        assertThrows(RejectedExecutionException.class, () -> loop.submit(() -> 1));
        CompletableFuture<Integer> continuation = completed.thenApplyAsync(value -> value + 1, loop);
        release.countDown();
        await(ran, "the tasks accepted within the bound");
        assertEquals(2, get(continuation, "a continuation given beyond the bound"));
        assertEquals(3, get(loop.submit(() -> 3), "a task once the queue has room again"));
        assertTrue(uncaught.isEmpty(), "no task failed: " + uncaught);
    }

    @ConformanceTest
    @DisplayName("a null task is refused with NullPointerException in the caller")
    void nullTasksAreRefused(String impl) {
        EventLoop loop = newLoop(impl);
        assertThrows(NullPointerException.class, () -> loop.execute(null));
        assertThrows(NullPointerException.class, () -> loop.submit(null));
        assertThrows(NullPointerException.class, () -> loop.offload(null, () -> 1));
        assertThrows(NullPointerException.class, () -> loop.offload(Executors.newCachedThreadPool(), null));
    }
}
