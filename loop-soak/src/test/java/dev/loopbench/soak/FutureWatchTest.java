package dev.loopbench.soak;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The soak's watch over futures reports one that never completes, and only that. */
class FutureWatchTest {

    private final BrokenInvariants broken = new BrokenInvariants();
    private final FutureWatch watch = new FutureWatch();

    @Test
    void aFutureThatNeverCompletesIsReportedAtTheDeadline() {
        watch.watch("a completed future", CompletableFuture.completedFuture(1));
        watch.watch("a failed future", CompletableFuture.failedFuture(new IllegalStateException("loop ended")));
        watch.watch("a future left pending", new CompletableFuture<>());
        watch.awaitAll(System.nanoTime(), broken, "what may explain it");
        assertEquals(List.of("1 future(s) never completed, the first: a future left pending; what may explain it"),
                broken.all());
    }

    @Test
    void aFutureCompletedBeforeTheDeadlineIsNotReported() throws InterruptedException {
        CompletableFuture<Integer> late = new CompletableFuture<>();
        watch.watch("a future completed by another thread", late);
        Thread completer = new Thread(() -> late.complete(1));
        completer.start();
        watch.awaitAll(System.nanoTime() + 10_000_000_000L, broken, "");
        completer.join();
        assertEquals(List.of(), broken.all());
    }
}
