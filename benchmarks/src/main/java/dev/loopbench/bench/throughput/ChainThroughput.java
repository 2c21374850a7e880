package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Chaining throughput: operations per second, where one operation is a {@code submit} followed by a chain of
 * {@code depth} continuation stages completing on the loop, alternately {@code thenApply} and {@code thenCompose}
 * (whose function submits the next step to the loop), as asyncio or Netty code chains callbacks.
 *
 * <p>Why: code on an event loop is mostly continuations; this measures what each stage costs a loop, from the
 * queue hand-off to the future machinery, at depth 1, 4 and 16.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A stage attached after its predecessor completed would run on the producer, not the loop, depending on a
 *       race. So every stage is attached with the {@code *Async} variant, whose default executor is the loop
 *       (see {@code LoopFuture}): every stage runs on the loop thread, as one loop task each (a
 *       {@code thenCompose} stage is two: the function and the step it submits).</li>
 *   <li>A loop that sleeps measures park/unpark, not chaining: a producer parked on a full window makes the loop
 *       pay an unpark in every {@code release()}, and a window drained while the producer is woken lets the loop
 *       sleep. The producer takes its permit spinning first (bounded, then parks), and {@code wakeups.per.op}
 *       shows how often the loop slept anyway (about 0.003 per task for mpsc in a short run: the producer, not
 *       the loop, is the bottleneck; see {@code BurstThroughput}).</li>
 *   <li>An unbounded producer only measures how fast the heap fills: at most {@value #WINDOW} operations are in
 *       flight; the producer waits (parked, bounded) for one to complete before starting another.</li>
 *   <li>Dead code: each stage computes on the previous value, the future goes back to JMH, and a failed chain
 *       fails the benchmark at tear-down.</li>
 * </ul>
 * The limit to read it against: {@code MpscQueueLimit.offerPoll}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChainThroughput -p impl=mpsc,netty -p depth=1,4,16};
 * expect the rate to fall about in proportion to the loop tasks per operation, 1 + 1.5 × depth, and least for the
 * loops whose submission from their own thread is cheapest.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainThroughput extends LoopBenchmark {

    static final int WINDOW = 128;

    @Param({"1", "4", "16"})
    public int depth;

    private Semaphore window;
    private Callable<Integer> seed;
    private Function<Integer, Integer> increment;
    private Function<Integer, CompletableFuture<Integer>> incrementOnLoop;
    private BiConsumer<Integer, Throwable> completion;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    @Setup(Level.Trial)
    public void start() {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0; was " + depth);
        }
        openLoop();
        IterationProbe.watch(null, loop);
        window = new Semaphore(WINDOW);
        Integer input = depth;
        seed = () -> input;
        increment = value -> value + 1;
        incrementOnLoop = value -> loop.submit(() -> value + 1);
        completion = (value, failure) -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
            window.release();
        };
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
    public CompletableFuture<Integer> chain() {
        BoundedWaits.acquireSpinningFirst(window);
        CompletableFuture<Integer> stage = loop.submit(seed);
        for (int i = 0; i < depth; i++) {
            stage = i % 2 == 0 ? stage.thenApplyAsync(increment) : stage.thenComposeAsync(incrementOnLoop);
        }
        stage.whenComplete(completion);
        return stage;
    }
}
