package dev.loopbench.soak;

import dev.loopbench.loop.EventLoop;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One producer of a soak round: gives its loop a random mix of {@code execute}s, {@code submit}s with a chain of
 * {@code thenApply}, {@code thenApplyAsync} and a {@code thenCompose} onto the other loop, and offloads to the
 * round's pool, until the round ends or its loop shuts down. A window bounds what it has in flight, so that an
 * unbounded loop measures the soak's invariants rather than how fast the heap fills.
 *
 * <h2>Thread contract</h2>
 * Runs on a thread of its own; everything it records goes to its {@link ProducerLog}, the round's
 * {@link FutureWatch} and {@link RoundCounts}.
 */
final class Producer implements Runnable {

    private static final int TASK_WINDOW = 1024;
    private static final int OFFLOAD_WINDOW = 32;
    private static final long MAX_BLOCKING_NANOS = 200_000;
    private static final long WINDOW_FULL_PARK_NANOS = 20_000;

    private final SoakLoop target;
    private final SoakLoop other;
    private final ProducerLog log;
    private final Executor pool;
    private final FutureWatch futures;
    private final RoundCounts counts;
    private final SplittableRandom random;
    private final AtomicBoolean roundOver;
    private final AtomicInteger offloadsInFlight = new AtomicInteger();

    Producer(SoakLoop target, SoakLoop other, ProducerLog log, Executor pool, FutureWatch futures, RoundCounts counts,
             long seed, AtomicBoolean roundOver) {
        this.target = target;
        this.other = other;
        this.log = log;
        this.pool = pool;
        this.futures = futures;
        this.counts = counts;
        this.random = new SplittableRandom(seed);
        this.roundOver = roundOver;
    }

    @Override
    public void run() {
        EventLoop loop = target.loop();
        while (!roundOver.get() && !loop.isShutdown() && log.hasRoom()) {
            if (log.unfinished() > TASK_WINDOW || offloadsInFlight.get() > OFFLOAD_WINDOW) {
                LockSupport.parkNanos(WINDOW_FULL_PARK_NANOS);
                continue;
            }
            int pick = random.nextInt(10);
            boolean accepted = pick < 6 ? execute(loop) : pick < 9 ? submitChain(loop) : offload(loop);
            if (!accepted) {
                Thread.yield(); // a bounded loop is full (or shutting down, seen next time round): let it drain
            }
        }
        counts.tasks.add(log.acceptedCount());
    }

    private boolean execute(EventLoop loop) {
        int seq = log.next();
        try {
            loop.execute(new ProducerTask(log, seq));
        } catch (RejectedExecutionException refused) {
            log.refused(seq);
            return false;
        }
        log.accepted(seq);
        return true;
    }

    private boolean submitChain(EventLoop loop) {
        int seq = log.next();
        CompletableFuture<Integer> submitted;
        try {
            submitted = loop.submit(new ProducerTask(log, seq));
        } catch (RejectedExecutionException refused) {
            log.refused(seq);
            return false;
        }
        log.acceptedSubmit(seq, submitted);
        EventLoop next = other.loop();
        CompletableFuture<Integer> chain = submitted.thenApply(n -> n + 1).thenApplyAsync(n -> n * 2)
                .thenCompose(n -> next.submit(() -> n));
        futures.watch(log.name() + ", the submit of task " + seq, submitted);
        futures.watch(log.name() + ", the thenApply/thenApplyAsync/thenCompose chain of task " + seq, chain);
        return true;
    }

    private boolean offload(EventLoop loop) {
        long blockingNanos = random.nextLong(MAX_BLOCKING_NANOS);
        CompletableFuture<Integer> offloaded;
        try {
            offloaded = loop.offload(pool, () -> block(blockingNanos));
        } catch (RejectedExecutionException refused) {
            return false;
        }
        offloadsInFlight.incrementAndGet();
        CompletableFuture<Integer> continued = offloaded.thenApplyAsync(n -> n + 1);
        continued.whenComplete((value, failure) -> offloadsInFlight.decrementAndGet());
        futures.watch(log.name() + ", an offload", offloaded);
        futures.watch(log.name() + ", an offload's thenApplyAsync", continued);
        counts.offloads.increment();
        return true;
    }

    /** The offloaded call: blocks briefly, and ends as blocking code should when its pool is shut down now. */
    private static int block(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("the pool was shut down while the offloaded call blocked");
        }
        return 1;
    }
}
