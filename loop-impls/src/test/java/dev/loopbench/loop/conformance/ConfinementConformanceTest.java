package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.support.LoopFuture;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract: confinement. Blocking the loop on itself fails at once instead of deadlocking. */
class ConfinementConformanceTest extends ConformanceSupport {

    @ConformanceTest
    @DisplayName("get, join and awaitTermination from the loop thread throw IllegalStateException at once")
    void blockingOnItselfIsRefused(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        List<String> refused = get(loop.submit(() -> {
            CompletableFuture<Integer> queuedBehindMe = loop.submit(() -> 1);
            List<String> outcomes = new ArrayList<>();
            outcomes.add(outcome("get()", queuedBehindMe::get));
            outcomes.add(outcome("get(timeout)", () -> queuedBehindMe.get(1, TimeUnit.SECONDS)));
            outcomes.add(outcome("join()", queuedBehindMe::join));
            outcomes.add(outcome("dependent.join()", () -> queuedBehindMe.thenApply(v -> v + 1).join()));
            outcomes.add(outcome("awaitTermination()", () -> loop.awaitTermination(1, TimeUnit.SECONDS)));
            return outcomes;
        }), "the task that blocks on its own loop");
        assertEquals(List.of("get() refused", "get(timeout) refused", "join() refused", "dependent.join() refused",
                "awaitTermination() refused"), refused);
    }

    @ConformanceTest
    @DisplayName("the protection ends where the docs say: stages made outside the loop's futures are plain")
    void protectionEndsAtStagesTheLoopDidNotMake(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        List<String> kinds = get(loop.submit(() -> {
            CompletableFuture<Integer> queuedBehindMe = loop.submit(() -> 1);
            return List.of(
                    kind("thenApply", queuedBehindMe.thenApply(v -> v + 1)),
                    kind("thenCombine", queuedBehindMe.thenCombine(queuedBehindMe, Integer::sum)),
                    // joining these on the loop thread would deadlock: the javadoc of LoopFuture says so
                    kind("allOf", CompletableFuture.allOf(queuedBehindMe)),
                    kind("minimalCompletionStage", queuedBehindMe.minimalCompletionStage().toCompletableFuture()));
        }), "the task that inspects the stages");
        assertEquals(List.of("thenApply protected", "thenCombine protected", "allOf plain",
                "minimalCompletionStage plain"), kinds);
    }

    private static String kind(String stage, CompletableFuture<?> future) {
        return stage + (future instanceof LoopFuture ? " protected" : " plain");
    }

    @ConformanceTest
    @DisplayName("the loop's thread comes from the ThreadFactory given to it")
    void usesSuppliedThreadFactory(String impl) throws Exception {
        AtomicReference<Thread> made = new AtomicReference<>();
        EventLoop loop = track(EventLoopRegistry.builder(impl)
                .threadFactory(body -> {
                    Thread thread = new Thread(body, "custom-factory-thread");
                    thread.setDaemon(true);
                    made.compareAndSet(null, thread);
                    return thread;
                })
                .build());
        assertEquals("custom-factory-thread", get(loop.submit(() -> Thread.currentThread().getName()), "submit"));
        assertTrue(get(loop.submit(() -> Thread.currentThread() == made.get()), "submit"));
    }

    private interface Blocking {
        Object call() throws Exception;
    }

    private static String outcome(String what, Blocking call) {
        try {
            call.call();
            return what + " returned";
        } catch (IllegalStateException refused) {
            return what + " refused";
        } catch (Exception other) {
            return what + " threw " + other;
        }
    }
}
