package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.SaturatedLoopBenchmark;
import dev.loopbench.bench.support.TaskWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Chaining throughput: operations per second, where one operation is a task that, on the loop, submits a seed and
 * chains {@code depth} continuation stages to it, alternately {@code thenApply} and {@code thenCompose} (whose
 * function submits the next step to the loop), as asyncio or Netty code chains callbacks on its loop.
 *
 * <p>Why: code on an event loop is mostly continuations; this measures what each stage costs a loop, from the
 * queue hand-off to the future machinery, at depth 1, 4 and 16.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A stage attached after its predecessor completed would run on the attaching thread, not the loop,
 *       depending on a race. So every stage is attached with the {@code *Async} variant, whose default executor
 *       is the loop (see {@code LoopFuture}): every stage runs on the loop thread, as one loop task each (a
 *       {@code thenCompose} stage is two: the function and the step it submits).</li>
 *   <li>A loop that runs dry measures park/unpark, not chaining. Built on the producer, a chain costs the producer
 *       more than the loop (an allocation and a CAS per stage), so the loop would catch up and sleep. The chain is
 *       therefore built on the loop, the producer's share of an operation is one {@code execute}, and
 *       {@value #WINDOW} operations in flight keep milliseconds of work queued while the producer is
 *       descheduled. The producer takes its permit by polling, never blocked in {@code acquire}, so that no
 *       {@code release()} pays an unpark; and an iteration in which the loop slept more than
 *       {@value SaturatedLoopBenchmark#MAX_WAKEUPS_PER_TASK} times per task fails.</li>
 *   <li>No fixed work dilutes it: the stages only add one, so the loop's CPU per operation is all its own
 *       ({@code cpu.taskWork.ns.per.op} is 0 and {@code cpu.loop.own.ns.per.op} equals {@code cpu.loop.ns.per.op}),
 *       and the bytes the future machinery allocates per chain show as {@code alloc.loop.bytes.per.op}.</li>
 *   <li>An unbounded producer only measures how fast the heap fills: at most {@value #WINDOW} operations are in
 *       flight.</li>
 *   <li>Dead code: each stage computes on the previous value, the last is checked, and a failed or wrong chain
 *       fails the benchmark at tear-down.</li>
 *   <li>Scoring a JVM still warming up: the futures' and the loop's code takes several seconds to settle here
 *       (with the suite's 2 s of warm-up the first measurement iteration scored 0.65 to 0.81 of the last), so this
 *       benchmark warms for {@value #WARMUP_ITERATIONS} s; the warm-up curve of a check on {@code mpsc} levelled off
 *       by the fourth second.</li>
 * </ul>
 * No physical limit bounds it: the bare queue has no futures to chain, so loops are compared with each other.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChainThroughput -p impl=mpsc,netty -p depth=1,4,16};
 * expect the rate to fall about in proportion to the loop tasks per operation, 1 + 1.5 × depth, and least for the
 * loops whose submission from their own thread is cheapest.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = ChainThroughput.WARMUP_ITERATIONS, time = BenchmarkDefaults.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
public class ChainThroughput extends SaturatedLoopBenchmark {

    /** Longer than the suite's default (see the class comment); profiles leave it to this annotation. */
    public static final int WARMUP_ITERATIONS = 6;

    static final int WINDOW = 4096;

    @Param({"1", "4", "16"})
    public int depth;

    private Semaphore window;
    private Callable<Integer> seed;
    private Function<Integer, Integer> increment;
    private Function<Integer, CompletableFuture<Integer>> incrementOnLoop;
    private BiConsumer<Integer, Throwable> completion;
    private Runnable chainOnLoop;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    @Setup(Level.Trial)
    public void start() {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0; was " + depth);
        }
        LoopThread thread = openSaturatedLoop();
        IterationProbe.watch(loop, thread, TaskWork.NONE);
        window = new Semaphore(WINDOW);
        Integer input = depth;
        seed = () -> input;
        increment = value -> value + 1;
        incrementOnLoop = value -> loop.submit(() -> value + 1);
        int expected = 2 * depth; // the seed is depth, and every stage adds one
        completion = (value, failure) -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            } else if (value != expected) {
                firstFailure.compareAndSet(null, new IllegalStateException("a chain of depth " + depth
                        + " ended at " + value + ", not " + expected));
            }
            window.release();
        };
        chainOnLoop = this::buildChain;
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        BoundedWaits.acquire(window, WINDOW); // every operation in flight has completed
        closeLoop();
        if (firstFailure.get() != null) {
            throw new IllegalStateException("a chain failed", firstFailure.get());
        }
    }

    @Benchmark
    public void chain() {
        BoundedWaits.acquirePolling(window);
        loop.execute(chainOnLoop);
    }

    /** Loop thread: the operation's chain, whose last stage releases its permit. */
    private void buildChain() {
        CompletableFuture<Integer> stage = loop.submit(seed);
        for (int i = 0; i < depth; i++) {
            stage = i % 2 == 0 ? stage.thenApplyAsync(increment) : stage.thenComposeAsync(incrementOnLoop);
        }
        stage.whenComplete(completion);
    }
}
