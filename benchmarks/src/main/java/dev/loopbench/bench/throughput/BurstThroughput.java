package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.bench.support.PaddedCounter;
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

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Burst throughput: tasks per second when 1, 2 or 4 producer threads each hand the loop a burst of
 * {@value #BURST} tasks ({@code execute}, the last one {@code submit}), keeping {@value #BURSTS_IN_FLIGHT} bursts
 * each in flight.
 *
 * <p>Why: this is the loop's capacity for small tasks, and how it holds up when producers contend for its queue
 * (a lock, a CAS on the tail, an XADD).
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A loop that sleeps between bursts measures wakeups, not capacity. Each producer hands over its next
 *       burst before waiting for the previous one, and waits spinning first (bounded, then parks), so the loop
 *       does not pay an unpark for every burst. {@code wakeups.per.op} shows how often the loop slept anyway.
 *       <b>Known limit:</b> one producer is the bottleneck (an {@code execute} costs it several times what a task
 *       costs the loop), so the loop catches up and idles between tasks whatever the depth in flight: 8 bursts
 *       in flight gave the same 0.007 wakeups per task as 2. Until the benchmark is made loop-bound, read it as
 *       producer-limited throughput, and its {@code wakeups.per.op} as the share of wakeups in it.</li>
 *   <li>An unbounded producer: the queue never holds more than producers × {@value #BURSTS_IN_FLIGHT} ×
 *       {@value #BURST} tasks. Waiting for a burst's last task suffices, since one producer's tasks run in
 *       order.</li>
 *   <li>False sharing: the loop thread's task count sits on a cache line of its own ({@link PaddedCounter}), away
 *       from the fields every producer reads.</li>
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
    static final int BURSTS_IN_FLIGHT = 2;

    private Runnable countTask;
    private Callable<Long> lastTask;
    /** Loop thread only, until the loop has terminated. */
    private final PaddedCounter tasksRun = new PaddedCounter();

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        IterationProbe.watch(null, loop);
        countTask = tasksRun::increment;
        lastTask = () -> {
            tasksRun.increment();
            return tasksRun.get();
        };
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
        if (tasksRun.get() == 0 || tasksRun.get() % BURST != 0) {
            throw new IllegalStateException("the loop ran " + tasksRun.get() + " tasks, not whole bursts of " + BURST);
        }
    }

    /** One producer's bursts in flight, oldest first. */
    @State(Scope.Thread)
    public static class Producer {
        final ArrayDeque<Future<Long>> bursts = new ArrayDeque<>();
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
        producer.bursts.addLast(loop.submit(lastTask));
        return producer.bursts.size() < BURSTS_IN_FLIGHT ? 0
                : BoundedWaits.awaitSpinningFirst(producer.bursts.removeFirst());
    }
}
