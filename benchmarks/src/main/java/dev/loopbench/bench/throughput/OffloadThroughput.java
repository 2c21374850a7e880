package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IterationProbe;
import dev.loopbench.bench.support.HelperThreads;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.bench.support.PaddedCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Offload round trip throughput: operations per second, where one operation is a task on the loop that offloads
 * a blocking call to a pool ({@code loop.offload(pool, call)}) and handles its outcome back on the loop: loop →
 * pool → loop, the {@code run_in_executor} pattern.
 *
 * <p>Why: a loop must never block, so every blocking call (file I/O, a JDBC driver) takes this path; its cost is
 * three hand-offs (producer → loop, loop → pool, pool → loop) and the future machinery.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>The outcome's handler is attached on the loop thread, inside the task that offloads, and the outcome is
 *       delivered as a later loop task, so the handler always runs on the loop: no race decides where.</li>
 *   <li>An unbounded producer: at most {@value #WINDOW} operations are in flight; the producer takes its permit
 *       spinning first, so the loop does not pay an unpark per outcome. {@code wakeups.per.op} counts the loop's
 *       wakeups per task (the pool threads' own wakeups are part of the round trip and not counted).</li>
 *   <li>False sharing: the producer's and the loop's counters sit on cache lines of their own.</li>
 *   <li>Helper threads: the {@value #POOL_THREADS}-thread pool is created in {@code @Setup} and shut down, with a
 *       deadline, in {@code @TearDown}; the tear-down also fails if any offload failed.</li>
 *   <li>Dead code: the handler adds every outcome into a sum kept on the loop thread, checked at tear-down.</li>
 * </ul>
 * The limit to read it against: {@code MpscQueueLimit.offerPoll}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OffloadThroughput -p impl=mpsc,jdk-executor}; expect
 * about the rate of a short chain: three hand-offs, one of them to a pool thread that may need waking.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OffloadThroughput extends LoopBenchmark {

    static final int WINDOW = 128;
    /** Small and fixed: two vCPUs already run the producer and the loop. */
    static final int POOL_THREADS = 2;

    private ExecutorService pool;
    private Semaphore window;
    private Callable<Integer> blockingCall;
    private BiConsumer<Integer, Throwable> onLoop;
    private Runnable offloadFromLoop;
    /** Loop thread only, until the loop has terminated. */
    private final PaddedCounter outcomeSum = new PaddedCounter();
    /** Producer only. */
    private final PaddedCounter operations = new PaddedCounter();
    private Throwable firstFailure;

    @Setup(Level.Trial)
    public void start() {
        openLoop();
        IterationProbe.watch(null, loop);
        pool = Executors.newFixedThreadPool(POOL_THREADS, HelperThreads.factory("offload-pool"));
        window = new Semaphore(WINDOW);
        Integer input = 1;
        blockingCall = () -> input;
        onLoop = (outcome, failure) -> {
            if (failure != null && firstFailure == null) {
                firstFailure = failure;
            } else if (outcome != null) {
                outcomeSum.add(outcome);
            }
            window.release();
        };
        offloadFromLoop = () -> loop.offload(pool, blockingCall).whenComplete(onLoop);
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        BoundedWaits.acquire(window, WINDOW); // every operation in flight has come back
        closeLoop();
        BoundedWaits.shutdown(pool);
        if (firstFailure != null) {
            throw new IllegalStateException("an offload failed", firstFailure);
        }
        if (outcomeSum.get() != operations.get()) {
            throw new IllegalStateException(operations.get() + " offloads started but their outcomes add up to "
                    + outcomeSum.get());
        }
    }

    @Benchmark
    public void loopToPoolAndBack() {
        BoundedWaits.acquireSpinningFirst(window);
        loop.execute(offloadFromLoop);
        operations.increment();
    }
}
