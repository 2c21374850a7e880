package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.util.concurrent.RejectedExecutionException;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@link ExecuteVersusShutdownStress} on the {@code jdk-executor} adapter, whose graceful close runs through
 * another path: a check queued on the adapted executor, which closes input from a gate between tasks and then
 * shuts the executor down. A task is either accepted and run, or rejected and never run.
 *
 * <p>Result: accepted (1) or rejected (0); ran (1) or not (0); loop terminated within the wait (1) or not (0).
 */
@JCStressTest
@Description("execute() racing shutdown() on an adapter: every task runs or is rejected, never both, never neither")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "accepted before the shutdown, and run")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "rejected after the shutdown began, and not run")
@Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "accepted but lost")
@Outcome(id = "0, 1, 1", expect = FORBIDDEN, desc = "rejected, yet run")
@Outcome(expect = FORBIDDEN, desc = "the loop did not terminate")
@State
public class ExecuteVersusShutdownAdapterStress {

    private final EventLoop loop = EventLoopRegistry.create("jdk-executor");
    private volatile int ran;

    @Actor
    public void producer(III_Result r) {
        try {
            loop.execute(() -> ran = 1);
            r.r1 = 1;
        } catch (RejectedExecutionException rejected) {
            r.r1 = 0;
        }
    }

    @Actor
    public void closer() {
        loop.shutdown();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = StressLoops.terminated(loop);
        r.r2 = ran;
    }
}
