package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The lifecycle's one state, only ever advanced by CAS (LoopLifecycle): an observer racing {@code shutdown()} never
 * sees the loop terminated before it sees it shut down, and the loop, once shut down, terminates; the arbiter's
 * {@code awaitTermination} waits for that state, so a lost signal would show as no termination.
 *
 * <p>Result: the observer's {@code isTerminated()}, then its {@code isShutdown()}; after both actors,
 * {@code isShutdown()} and whether the loop terminated within the wait.
 */
@JCStressTest
@Description("Lifecycle observed while shutdown() runs: terminated implies shut down, and shut down ends in terminated")
@Outcome(id = "0, 0, 1, 1", expect = ACCEPTABLE, desc = "observed before the shutdown")
@Outcome(id = "0, 1, 1, 1", expect = ACCEPTABLE, desc = "observed shutting down")
@Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "observed terminated")
@Outcome(expect = FORBIDDEN, desc = "terminated before shut down, a state gone back, or no termination")
@State
public class LifecycleStress {

    private final EventLoop loop = StressLoops.parkingMpscLoop();

    @Actor
    public void closer() {
        loop.shutdown();
    }

    @Actor
    public void observer(IIII_Result r) {
        r.r1 = loop.isTerminated() ? 1 : 0;
        r.r2 = loop.isShutdown() ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = StressLoops.terminated(loop);
        r.r3 = loop.isShutdown() ? 1 : 0;
    }
}
