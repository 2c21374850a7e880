package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Burst throughput: tasks per second when 1, 2 or 4 producer threads each hand the loop a burst of
 * {@value #BURST} tasks ({@code execute}, the last one {@code submit}), keeping two bursts each in flight.
 *
 * <p>Why: this is the loop's capacity for small tasks, and how it holds up when producers contend for its queue
 * (a lock, a CAS on the tail, an XADD).
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A loop that sleeps between bursts measures wakeups, not capacity: with one burst in flight, the loop
 *       empties the queue while the producer waits for the burst, goes to sleep, and each burst costs two futex
 *       wakeups. So each producer hands over its next burst before waiting for the previous one, and the loop
 *       always has work.</li>
 *   <li>An unbounded producer: each producer has two bursts in flight at most, so the queue never holds more than
 *       producers × 2 × {@value #BURST} tasks. Waiting for a burst's last task suffices, since one producer's tasks
 *       run in order.</li>
 *   <li>Helper threads: the producers are JMH's own worker threads ({@code @Threads}), which JMH starts and stops;
 *       there is one benchmark method per producer count because a thread count cannot be a parameter.</li>
 *   <li>Dead code: every task counts itself on the loop thread; the last one returns the count to JMH, and the
 *       tear-down checks that whole bursts ran.</li>
 * </ul>
 * A burst keeps the loop awake, so this measures no wakeups (see {@code WakeupLatency} for those). On this
 * 2-vCPU machine, 2 and 4 producers share the CPUs with the loop, which is part of what they measure. The limit to
 * read it against: {@code MpscQueueLimit.offerPoll}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BurstThroughput -p impl=mpsc,locked-deque}; expect
 * millions of tasks per second from one producer; with more producers than free vCPUs the figure says as much
 * about scheduling as about the queue.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BurstThroughput.BURST)
public class BurstThroughput extends LoopBenchmark {

    static final int BURST = 64;

    private Runnable countTask;
    private Callable<Long> lastTask;
    /** Loop thread only, until the loop has terminated. */
    private long tasksRun;

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        IterationProbe.watch(null, loop); // wakeups.per.op near 0 shows the loop never slept
        countTask = () -> tasksRun++;
        lastTask = () -> ++tasksRun;
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
        if (tasksRun == 0 || tasksRun % BURST != 0) {
            throw new IllegalStateException("the loop ran " + tasksRun + " tasks, not whole bursts of " + BURST);
        }
    }

    /** One producer's burst still in flight. */
    @State(Scope.Thread)
    public static class Producer {
        Future<Long> previousBurst = CompletableFuture.completedFuture(0L);
    }

    @Benchmark
    @Threads(1)
    public long from1Producer(Producer producer) {
        return burst(producer);
    }

    @Benchmark
    @Threads(2)
    public long from2Producers(Producer producer) {
        return burst(producer);
    }

    @Benchmark
    @Threads(4)
    public long from4Producers(Producer producer) {
        return burst(producer);
    }

    private long burst(Producer producer) {
        for (int i = 1; i < BURST; i++) {
            loop.execute(countTask);
        }
        Future<Long> previous = producer.previousBurst;
        producer.previousBurst = loop.submit(lastTask);
        return BoundedWaits.await(previous);
    }
}
