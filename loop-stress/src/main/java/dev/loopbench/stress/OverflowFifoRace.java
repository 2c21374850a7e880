package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The race of {@link AgronaOverflowFifoStress} and {@link DisruptorOverflowFifoStress}, written once for both ring
 * loops: two producers each give a loop whose ring holds two tasks a burst of continuations ({@code thenRunAsync} on
 * the loop, which a full ring never refuses), as fast as they can. Each task goes to the ring, or to the overflow
 * queue when the ring is full or the overflow already holds tasks; the loop must run each producer's tasks in the
 * order given, whichever queue each went to. A subclass is the jcstress test: it names the loop, and its
 * {@code @Actor} and {@code @Arbiter} methods call the ones here.
 *
 * <h2>Why one loop for the fork, and bursts after a drain</h2>
 * A loop that takes overflow tasks without a second look at the ring reorders only where a producer's burst meets it
 * between the two: agrona's when the loop, having found its queue empty, looks at the overflow after a producer has
 * refilled the queue (or while a claimed slot is still unwritten); the disruptor's while an overflow task runs. A loop
 * per sample spends most of the sample starting a thread, and a burst given while the overflow still holds earlier
 * tasks is safe by construction (it queues behind them). So every sample of a fork shares one loop ({@link Ring}),
 * and each producer waits, a bounded while, until the loop has run its previous burst before it gives the next:
 * each burst then meets a loop that has just drained. Run against such a loop in the short mode of
 * {@code scripts/stress.sh}, this found the reordering in every run, where a loop per sample missed agrona's in one
 * run out of three.
 *
 * <p>Result: for each producer, its tasks all ran in the order given (1), out of order (0), or not all within the
 * wait (-1).
 */
public abstract class OverflowFifoRace {

    /** The ring's size: the smallest a ring takes, so that a few tasks reach the overflow. */
    protected static final String RING_SIZE = "2";
    /** Tasks per producer and sample: enough to fill the ring and reach the overflow several times. */
    private static final int TASKS = 16;
    private static final int PRODUCERS = 2;
    /** How long a producer waits for its previous burst at most: a loop stuck for longer fails that burst. */
    private static final long DRAIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * A fork's one ring loop, shared by every sample: the loop, a completed future of it (whose {@code *Async} stages
     * reach the loop as continuations) and each producer's latest burst. Its loop thread is a daemon that ends with
     * the fork.
     */
    protected static final class Ring {
        private final EventLoop loop;
        private final CompletableFuture<Integer> done;
        private final AtomicReferenceArray<CompletableFuture<?>> lastBurst = new AtomicReferenceArray<>(PRODUCERS);

        protected Ring(EventLoop loop) {
            this.loop = loop;
            this.done = loop.submit(() -> 0);
            done.join();
        }
    }

    private final Ring ring;
    private final int taskSpins;
    private final CompletableFuture<?>[][] tasks = new CompletableFuture<?>[PRODUCERS][TASKS];
    /** Loop thread only; read by the arbiter after every task's future completed. */
    private final int[] expected = new int[PRODUCERS];
    private final boolean[] outOfOrder = new boolean[PRODUCERS];

    /**
     * @param taskSpins spin-waits each task makes before it records itself: the disruptor's window is while an
     *                  overflow task runs, and a task that takes a moment holds it open
     */
    protected OverflowFifoRace(Ring ring, int taskSpins) {
        this.ring = ring;
        this.taskSpins = taskSpins;
    }

    /** One producer's burst, each task a continuation that checks it comes next, once the previous burst ran. */
    protected final void produce(int producer) {
        CompletableFuture<?> previous = ring.lastBurst.get(producer);
        long giveUp = System.nanoTime() + DRAIN_WAIT_NANOS;
        while (previous != null && !previous.isDone() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        for (int n = 0; n < TASKS; n++) {
            int task = n;
            tasks[producer][n] = ring.done.thenRunAsync(() -> ran(producer, task), ring.loop);
        }
        ring.lastBurst.set(producer, tasks[producer][TASKS - 1]);
    }

    private void ran(int producer, int task) {
        for (int spin = 0; spin < taskSpins; spin++) {
            Thread.onSpinWait();
        }
        if (task != expected[producer]) {
            outOfOrder[producer] = true;
        }
        expected[producer] = task + 1;
    }

    /** After both: r1 and r2 for the two producers. */
    protected final void judge(II_Result r) {
        r.r1 = order(0);
        r.r2 = order(1);
    }

    private int order(int producer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(StressLoops.TERMINATION_WAIT_SECONDS);
        for (CompletableFuture<?> task : tasks[producer]) {
            try {
                task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException notRun) {
                return -1;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        // every task's future completed after the task ran: its writes on the loop thread are visible here
        return outOfOrder[producer] ? 0 : 1;
    }
}
