package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.jdk.ThreadPoolEventLoopAdapter;
import dev.loopbench.loop.locked.LockedDequeEventLoop;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.loop.mpsc.SpinThenParkIdleStrategy;
import dev.loopbench.loop.netty.NettyEventLoopProvider;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.Map;

/**
 * The state every loop benchmark extends: the implementation under test and the {@code mpsc} loop's tuning, as
 * {@code @Param}s, resolved through {@link LoopFactory}.
 *
 * <ul>
 *   <li>{@code impl}: the launcher ({@code launcher.BenchmarksMain}) sets it to every name in the registry unless
 *       {@code -p impl=} is given, so a newly registered loop is measured without editing this class. The
 *       annotation's list is only the fallback for a bare {@code org.openjdk.jmh.Main} run.</li>
 *   <li>{@code maxPendingTasks}: every loop's bound on queued tasks, 0 (none) by default.</li>
 *   <li>{@code idle}, {@code spinIterations}, {@code queue}: the {@code mpsc} options, one value each by default
 *       (the registry's defaults; a test keeps them equal), so they do not multiply the runs of the other
 *       implementations. Sweep them for {@code mpsc} alone:
 *       {@code -p impl=mpsc -p idle=park,spin-park,spin -p queue=array,xadd,linked}, or just
 *       {@code -p idle=park,spin}, which the launcher narrows to the implementations that have the option.</li>
 * </ul>
 *
 * <p>Subclasses call {@link #openLoop()} first in their trial {@code @Setup} and {@link #closeLoop()} last in
 * their trial {@code @TearDown}, so that their own helpers start after the loop and stop before it.
 */
@State(Scope.Benchmark)
public abstract class LoopBenchmark extends BenchmarkDefaults {

    @Param({LockedDequeEventLoop.NAME, MpscEventLoopProvider.NAME, NettyEventLoopProvider.DEFAULT_LOOP_NAME,
            NettyEventLoopProvider.NIO_LOOP_NAME, ThreadPoolEventLoopAdapter.NAME})
    public String impl;

    @Param(SpinThenParkIdleStrategy.ALIAS)
    public String idle;

    @Param("" + SpinThenParkIdleStrategy.DEFAULT_SPIN_ITERATIONS)
    public String spinIterations;

    /** {@code MpscQueueType.ARRAY}'s alias; the enum's alias is not a compile-time constant. */
    @Param("array")
    public String queue;

    /** Every loop's bound on queued tasks ({@link LoopOption#MAX_PENDING_TASKS}); 0, the default, for none. */
    @Param("0")
    public String maxPendingTasks;

    /** The loop under test, running between {@link #openLoop()} and {@link #closeLoop()}. */
    protected EventLoop loop;

    protected final void openLoop() {
        loop = LoopFactory.create(impl, Map.of(
                MpscEventLoopProvider.IDLE, idle,
                MpscEventLoopProvider.SPIN_ITERATIONS, spinIterations,
                MpscEventLoopProvider.QUEUE, queue,
                LoopOption.MAX_PENDING_TASKS, maxPendingTasks));
    }

    /** Closes the loop after its queued tasks, failing the benchmark if it does not terminate in time. */
    protected final void closeLoop() {
        BoundedWaits.close(loop);
    }
}
