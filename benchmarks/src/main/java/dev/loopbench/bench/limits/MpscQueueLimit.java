package dev.loopbench.bench.limits;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.HelperThreads;
import dev.loopbench.bench.support.LoopFactory;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.loop.mpsc.MpscQueueType;
import org.jctools.queues.MessagePassingQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's ceiling: elements per second through the raw JCTools MPSC queue that the {@code mpsc} loop uses by
 * default, from one producer to a consumer that polls without pause. No tasks run, nothing parks, no wakeup flag
 * is read: what is left is the queue itself.
 *
 * <p>Why: every loop's throughput figure ({@code throughput} package) is read against this one, which says how
 * far the loop's machinery (task objects, futures, the idle strategy) is from the queue underneath.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>An unbounded producer only measures how fast the heap fills: the producer stays within
 *       {@value #WINDOW} elements of the consumer.</li>
 *   <li>A helper spinning outside its benchmark: the consumer busy-polls only during an iteration (started and
 *       stopped in {@code Level.Iteration} helpers), and the tear-down fails if it does not stop.</li>
 *   <li>A different queue than the loop's: the type comes from the registry's default for the {@code mpsc} loop's
 *       {@code queue} option, through {@link MpscQueueType}.</li>
 *   <li>Dead code: the consumer counts what it polls, and the tear-down checks that it got every element.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MpscQueueLimit}; expect ten million elements per
 * second or more, bounded by cache-line transfers between the two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MpscQueueLimit extends BenchmarkDefaults {

    static final int WINDOW = 4096;
    private static final Object ELEMENT = new Object();

    private MessagePassingQueue<Object> queue;
    private volatile boolean consumerRunning;
    private Thread consumer;
    /** Producer only. */
    private long offered;
    /** Written by the consumer only. */
    private final AtomicLong polled = new AtomicLong();

    @Setup(Level.Trial)
    public void createQueue() {
        String queueAlias = LoopFactory.defaultValue(MpscEventLoopProvider.QUEUE)
                .orElseThrow(() -> new IllegalStateException("the registry declares no '"
                        + MpscEventLoopProvider.QUEUE + "' option"));
        queue = MpscQueueType.forAlias(queueAlias).newQueue();
    }

    @Setup(Level.Iteration)
    public void startConsumer() {
        consumerRunning = true;
        consumer = HelperThreads.start("mpsc-consumer", this::consume);
    }

    @TearDown(Level.Iteration)
    public void stopConsumer() {
        BoundedWaits.until(() -> polled.get() == offered, "the consumer has polled every element");
        consumerRunning = false;
        BoundedWaits.join(consumer);
    }

    @Benchmark
    public boolean offerPoll() {
        if (offered - polled.get() >= WINDOW) {
            waitForConsumer();
        }
        offered++;
        return queue.offer(ELEMENT);
    }

    private void waitForConsumer() {
        long deadline = BoundedWaits.deadline();
        while (offered - polled.get() >= WINDOW) {
            BoundedWaits.checkDeadline(deadline, "the consumer polls");
            Thread.onSpinWait();
        }
    }

    /** The busy consumer, as a spinning loop thread would be. */
    private void consume() {
        long count = polled.get();
        while (consumerRunning) {
            if (queue.poll() != null) {
                polled.lazySet(++count);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
