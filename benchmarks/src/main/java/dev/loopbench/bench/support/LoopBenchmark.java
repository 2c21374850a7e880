package dev.loopbench.bench.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.tools.results.LoopOptionsParam;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state every loop benchmark extends: the implementation under test and its options, as {@code @Param}s,
 * resolved through {@link LoopFactory}.
 *
 * <ul>
 *   <li>{@code impl}: the launcher ({@code launcher.BenchmarksMain}) sets it to every name in the registry unless
 *       {@code -p impl=} is given, so a newly registered loop is measured without editing this class. The
 *       annotation names one loop only, for a bare {@code org.openjdk.jmh.Main} run: a list here would be a second
 *       registry, stale as soon as a loop is added.</li>
 *   <li>{@code loopOptions}: the loop's options as {@code key=value;key=value} ({@link LoopOptionsParam}), empty
 *       (every option at its default) by default. One parameter carries every implementation's options, so no
 *       benchmark names one loop's options and a sweep does not multiply the runs of loops it does not tune:
 *       {@code -p impl=mpsc -p loopOptions='idle=park,idle=spin;queue=xadd'}, or without {@code impl}, which the
 *       launcher narrows to the implementations whose options take every value given. {@code scripts/tune.sh} sweeps
 *       each option a provider declares.</li>
 *   <li>{@code maxPendingTasks}: every loop's bound on queued tasks, 0 (none) by default; a parameter of its own
 *       because every loop has it.</li>
 * </ul>
 *
 * <p>Subclasses call {@link #openLoop()} first in their trial {@code @Setup} and {@link #closeLoop()} last in
 * their trial {@code @TearDown}, so that their own helpers start after the loop and stop before it.
 */
@State(Scope.Benchmark)
public abstract class LoopBenchmark extends BenchmarkDefaults {

    @Param(MpscEventLoopProvider.NAME)
    public String impl;

    /** The loop's options ({@link LoopOptionsParam}); empty for its defaults. */
    @Param("")
    public String loopOptions;

    /** Every loop's bound on queued tasks ({@link LoopOption#MAX_PENDING_TASKS}); 0, the default, for none. */
    @Param("0")
    public String maxPendingTasks;

    /** The loop under test, running between {@link #openLoop()} and {@link #closeLoop()}. */
    protected EventLoop loop;

    protected final void openLoop() {
        Map<String, String> options = new LinkedHashMap<>(LoopOptionsParam.decode(loopOptions));
        if (options.putIfAbsent(LoopOption.MAX_PENDING_TASKS, maxPendingTasks) != null) {
            throw new IllegalArgumentException("-p " + LoopOptionsParam.NAME + "=" + loopOptions + ": set "
                    + LoopOption.MAX_PENDING_TASKS + " with -p " + LoopOption.MAX_PENDING_TASKS + "=N instead");
        }
        loop = LoopFactory.create(impl, options);
    }

    /** Closes the loop after its queued tasks, failing the benchmark if it does not terminate in time. */
    protected final void closeLoop() {
        BoundedWaits.close(loop);
    }
}
