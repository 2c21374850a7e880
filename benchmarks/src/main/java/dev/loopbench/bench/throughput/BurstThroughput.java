package dev.loopbench.bench.throughput;

import dev.loopbench.bench.support.BurstWindow;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.BurstTasks;
import dev.loopbench.bench.support.TaskWork;
import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.SaturatedLoopBenchmark;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Burst throughput: tasks per second through a loop that always has work, when 1, 2 or 4 producer threads each
 * keep {@value BurstWindow#BURSTS_IN_FLIGHT} bursts of {@value BurstWindow#BURST} tasks in flight ({@code execute},
 * the last one {@code submit}). Each task burns {@code taskWork} tokens of {@link Blackhole#consumeCPU}
 * ({@link TaskWork}).
 *
 * <p>Why: this is the loop's capacity, and how it holds up when producers contend for its queue (a lock, a CAS on
 * the tail, an XADD). Read against {@code MpscQueueLimit.from1Producer} (and 2, 4): the same tasks, bursts and
 * window through the bare queue to a consumer that never sleeps, so the ratio is what the loop's machinery costs.
 * Most of a task's CPU is its fixed work, so the profiler also reports the loop's own cost per task,
 * {@code cpu.loop.own.ns.per.op}: the loop thread's CPU per task minus the work's, calibrated on the loop thread in
 * the same fork ({@code cpu.taskWork.ns.per.op}), with the bytes allocated per task ({@code alloc.*}). The bare
 * queue's consumer reports the same, its floor.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A loop that runs dry measures wakeups, not capacity. Each task does a fixed amount of work
 *       ({@link TaskWork}), enough that one producer outpaces every loop; the producer waits for its oldest burst
 *       by polling, so the loop never pays an unpark for it; and an
 *       iteration in which the loop slept more than {@value SaturatedLoopBenchmark#MAX_WAKEUPS_PER_TASK} times
 *       per task fails ({@link SaturatedLoopBenchmark}): the loop thread's voluntary context switches, which
 *       {@code wakeups.per.op} shows.</li>
 *   <li>Fixed work diluting the subject: with 450 ns of work in a 550 ns task, the loops' own costs are a fifth
 *       of the figure and tie within its noise; {@code cpu.loop.own.ns.per.op} takes the work out, and a loop that
 *       never sleeps can run without it ({@code -p taskWork=0}).</li>
 *   <li>An unbounded producer: the queue holds at most producers × {@value BurstWindow#BURSTS_IN_FLIGHT} ×
 *       {@value BurstWindow#BURST} tasks. Waiting for a burst's last task suffices, since one producer's tasks run
 *       in order.</li>
 *   <li>False sharing: the loop thread's task count sits on a cache line of its own ({@link BurstTasks}), away
 *       from the fields every producer reads.</li>
 *   <li>Helper threads: the producers are JMH's own worker threads ({@code @Threads}), which JMH starts and stops;
 *       there is one benchmark method per producer count because a thread count cannot be a parameter.</li>
 *   <li>Dead code: every task counts itself on the loop thread; the last one returns the count to JMH, and the
 *       tear-down checks that whole bursts ran.</li>
 * </ul>
 * On this 2-vCPU machine, 2 and 4 producers share the CPUs with the loop, which is part of what they measure.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BurstThroughput -p impl=mpsc,locked-deque}; expect a
 * few million tasks per second, within a few tens of percent of the limit for the lock-free loops, and an own cost
 * of tens of nanoseconds per task. {@code -p impl=mpsc -p loopOptions=idle=spin -p taskWork=0} measures a spinning
 * loop's own cost undiluted; a loop that sleeps fails that iteration, as it should: it ran dry.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BurstWindow.BURST)
public class BurstThroughput extends SaturatedLoopBenchmark {

    /** Tokens of {@link Blackhole#consumeCPU} per task ({@link TaskWork}). */
    @Param(TaskWork.DEFAULT_TOKENS)
    public int taskWork;

    private BurstTasks tasks;

    @Setup(Level.Trial)
    public void start() {
        TaskWork work = TaskWork.of(taskWork);
        LoopThread thread = openSaturatedLoop();
        IterationProbe.watch(loop, thread, work);
        tasks = new BurstTasks(work);
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
        tasks.checkWholeBursts("the loop");
    }

    /**
     * One producer's bursts in flight. The three methods below differ only in {@code @Threads}, which JMH takes from
     * the method, not from a parameter; {@code MpscQueueLimit} declares the same three for the same reason.
     */
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
            loop.execute(tasks.task());
        }
        window.sent(loop.submit(tasks.lastTask()));
        return oldest;
    }
}
