package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.HelperThreads;
import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.SaturatedLoopBenchmark;
import dev.loopbench.bench.support.TaskWork;
import dev.loopbench.bench.support.PaddedCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

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
 *   <li>A loop that runs dry measures park/unpark, not the round trip. {@value #WINDOW} operations in flight keep
 *       milliseconds of work queued for the loop, longer than the scheduler keeps the pool threads off the vCPU
 *       they share with the producer (with 1,024 the loop ran dry a thousand times a second); the offloading task does a fixed amount of
 *       work ({@code taskWork}, see {@link TaskWork}) so that the loop, not the pool sharing the other vCPU with
 *       the producer, is the bottleneck; the producer takes its permit by polling, so no {@code release()} pays an
 *       unpark; and an iteration in which the loop slept more than
 *       {@value SaturatedLoopBenchmark#MAX_WAKEUPS_PER_TASK} times per task fails. {@code wakeups.per.op} counts
 *       the loop thread's sleeps per operation; the pool threads' own wakeups are part of the round trip and not
 *       counted.</li>
 *   <li>Fixed work diluting the subject: the loop's own cost per operation, {@code cpu.loop.own.ns.per.op}, is its
 *       CPU minus the offloading task's work, calibrated on the loop thread in the same fork; it holds the three
 *       hand-offs' loop side and the future machinery.</li>
 *   <li>An unbounded producer: at most {@value #WINDOW} operations are in flight.</li>
 *   <li>False sharing: the producer's and the loop's counters sit on cache lines of their own.</li>
 *   <li>Helper threads: the {@value #POOL_THREADS}-thread pool is created in {@code @Setup} and shut down, with a
 *       deadline, in {@code @TearDown}; the tear-down also fails if any offload failed.</li>
 *   <li>Dead code: the handler adds every outcome into a sum kept on the loop thread, checked at tear-down.</li>
 *   <li>Scoring a JVM still warming up: the futures' and the loop's code takes several seconds to settle here
 *       (with the suite's 2 s of warm-up the first measurement iteration scored 0.65 to 0.81 of the last), so this
 *       benchmark warms for {@value #WARMUP_ITERATIONS} s; the warm-up curve of a check on {@code mpsc} levelled off
 *       by the fourth second.</li>
 * </ul>
 * No physical limit bounds it: the bare queue has no pool and no futures, so loops are compared with each other.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OffloadThroughput -p impl=mpsc,jdk-executor}; expect
 * a few hundred thousand operations per second: three hand-offs and the task's work.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = OffloadThroughput.WARMUP_ITERATIONS, time = BenchmarkDefaults.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
public class OffloadThroughput extends SaturatedLoopBenchmark {

    /** Longer than the suite's default (see the class comment); profiles leave it to this annotation. */
    public static final int WARMUP_ITERATIONS = 6;

    static final int WINDOW = 8192;
    /** Small and fixed: two vCPUs already run the producer and the loop. */
    static final int POOL_THREADS = 2;

    /** Tokens of {@link Blackhole#consumeCPU} the offloading task burns on the loop ({@link TaskWork}). */
    @Param(TaskWork.DEFAULT_TOKENS)
    public int taskWork;

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
        TaskWork work = TaskWork.of(taskWork);
        LoopThread thread = openSaturatedLoop();
        IterationProbe.watch(loop, thread, work);
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
        offloadFromLoop = () -> {
            work.burn();
            loop.offload(pool, blockingCall).whenComplete(onLoop);
        };
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
        BoundedWaits.acquirePolling(window);
        loop.execute(offloadFromLoop);
        operations.increment();
    }
}
