package dev.loopbench.bench.limits;

import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.AdmittedQueue;
import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.BurstWindow;
import dev.loopbench.bench.support.HelperThreads;
import dev.loopbench.bench.support.BurstTasks;
import dev.loopbench.bench.support.TaskWork;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.loop.mpsc.MpscQueueType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.FutureTask;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The throughput ceiling: tasks per second through the bare JCTools MPSC queue that the {@code mpsc} loop uses by
 * default, to a consumer thread that polls without pause and runs each task. The load is {@code BurstThroughput}'s
 * exactly: 1, 2 or 4 producers, the same tasks ({@code taskWork} tokens each), bursts and window
 * ({@link BurstWindow}); and the producers offer through the path a loop's {@code execute()} takes
 * ({@link AdmittedQueue}). No loop state is read by the consumer, nothing parks during an iteration, no wakeup is
 * issued: what is left is the queue, the producers' admission and the tasks themselves.
 *
 * <p>Why: {@code BurstThroughput.fromNProducers} is read against {@code fromNProducers} here; the ratio is what a
 * loop's machinery (its state checks, task objects, idle strategy) costs on top of the queue. A loop cannot beat
 * it by more than noise: a consumer that never sleeps and does nothing but poll is the best any loop can do. The
 * same holds per task in CPU: the consumer's {@code cpu.loop.own.ns.per.op} (its CPU minus the work's, calibrated on
 * it as on a loop's thread, and minus its empty polls, which it times itself) is the floor of a loop's.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A different load than the figure it bounds: the shape comes from {@link BurstWindow}, the producers' path
 *       from {@link AdmittedQueue}, and the queue type from the registry's default for the {@code mpsc} loop's
 *       {@code queue} option, through {@link MpscQueueType}.</li>
 *   <li>A floor that is not one: producers that only offered would spend less than a loop's producers, and on
 *       two vCPUs leave the consumer more CPU; so they take the loops' admission path too.</li>
 *   <li>False sharing: the consumer's task count is padded ({@link BurstTasks}), and producers learn of
 *       progress only from their own bursts' futures, never from a counter the consumer writes per task.</li>
 *   <li>A helper spinning outside its benchmark: the consumer busy-polls only during an iteration (from the
 *       iteration's {@code @Setup} to its {@code @TearDown}) and parks between them, when it runs only the
 *       profiler's calibration; the trial's tear-down fails if it does not stop.</li>
 *   <li>Dead code: every task counts itself on the consumer, the last of a burst returns the count to JMH, and the
 *       trial's tear-down checks that whole bursts ran.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MpscQueueLimit}; expect about what one core can run
 * of these tasks, a few million per second. {@code -p taskWork=0} gives the floor of a never-sleeping loop's own
 * cost undiluted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BurstWindow.BURST)
public class MpscQueueLimit extends BenchmarkDefaults {

    private static final long NOT_IDLE = -1;

    @Param(TaskWork.DEFAULT_TOKENS)
    public int taskWork;

    private AdmittedQueue queue;
    private BurstTasks tasks;
    private volatile boolean trialRunning;
    private volatile boolean iterating;
    private Thread consumer;
    /** The consumer's CPU time spent polling an empty queue; written by the consumer only. */
    private final AtomicLong idleCpuNanos = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        TaskWork work = TaskWork.of(taskWork);
        queue = new AdmittedQueue(MpscEventLoopProvider.DEFAULT_QUEUE.newQueue());
        tasks = new BurstTasks(work);
        trialRunning = true;
        consumer = HelperThreads.start("mpsc-consumer", this::consume);
        IterationProbe.watchConsumer(this::runOnConsumer, work, idleCpuNanos::getOpaque);
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        trialRunning = false;
        LockSupport.unpark(consumer);
        BoundedWaits.join(consumer); // it finishes the task in hand first
        tasks.checkWholeBursts("the consumer");
    }

    @Setup(Level.Iteration)
    public void startPolling() {
        iterating = true;
        LockSupport.unpark(consumer);
    }

    @TearDown(Level.Iteration)
    public void stopPolling() {
        BoundedWaits.until(queue::isEmpty, "the consumer has taken every task");
        iterating = false;
    }

    /** One producer's bursts in flight; the three methods below are {@code BurstThroughput}'s, for its reason. */
    @State(Scope.Thread)
    public static class Producer {
        final BurstWindow window = new BurstWindow();
    }

    @Benchmark
    @Threads(1)
    public long from1Producer(Producer producer) {
        return burst(producer.window);
    }

    @Benchmark
    @Threads(2)
    public long from2Producers(Producer producer) {
        return burst(producer.window);
    }

    @Benchmark
    @Threads(4)
    public long from4Producers(Producer producer) {
        return burst(producer.window);
    }

    private long burst(BurstWindow window) {
        long oldest = window.awaitRoom();
        for (int i = 1; i < BurstWindow.BURST; i++) {
            queue.execute(tasks.task());
        }
        FutureTask<Long> last = new FutureTask<>(tasks.lastTask());
        queue.execute(last);
        window.sent(last);
        return oldest;
    }

    /** Hands the consumer a task between iterations (the profiler's), waking it from its rest. */
    private void runOnConsumer(Runnable task) {
        queue.execute(task);
        LockSupport.unpark(consumer);
    }

    /**
     * The consumer that never sleeps during an iteration, as a busy-spinning loop thread would be. Between iterations
     * it parks; every unpark follows the task or flag change it is for, and a park after an unpark returns at once,
     * so nothing it must see is missed.
     *
     * <p>It times its own empty polls by its CPU clock, once per spell of them (a spell is when the producers fell
     * behind, so the clock reads cost nothing it could have done), and publishes their sum: its own cost leaves
     * them out, so that on a busy machine, where a descheduled producer leaves it polling, it stays a floor.
     */
    private void consume() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long idleSince = NOT_IDLE;
        while (trialRunning) {
            Runnable next = queue.poll();
            if (next != null) {
                idleSince = endIdleSpell(threads, idleSince);
                next.run();
            } else if (iterating) {
                if (idleSince == NOT_IDLE) {
                    idleSince = threads.getCurrentThreadCpuTime();
                }
                Thread.onSpinWait();
            } else {
                idleSince = endIdleSpell(threads, idleSince);
                LockSupport.park(this);
            }
        }
    }

    /** Consumer only: adds the spell of empty polls that began at {@code idleSince}, if one did. */
    private long endIdleSpell(ThreadMXBean threads, long idleSince) {
        if (idleSince != NOT_IDLE) {
            idleCpuNanos.setOpaque(idleCpuNanos.getPlain() + threads.getCurrentThreadCpuTime() - idleSince);
        }
        return NOT_IDLE;
    }
}
