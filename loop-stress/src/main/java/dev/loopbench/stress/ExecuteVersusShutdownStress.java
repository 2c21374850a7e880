package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
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
 * {@code execute()} racing a graceful {@code shutdown()} on a fresh loop (Admission's invariants 1 and 2): a
 * task is either accepted and run before the loop terminates, or rejected in the caller and never run. Never both,
 * never neither.
 *
 * <p>Result: accepted (1) or rejected (0); ran (1) or not (0); loop terminated within the wait (1) or not (0).
 */
@JCStressTest
@Description("execute() racing shutdown(): every task runs or is rejected, never both, never neither")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "accepted before the shutdown, and run")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "rejected after the shutdown began, and not run")
@Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "accepted but lost")
@Outcome(id = "0, 1, 1", expect = FORBIDDEN, desc = "rejected, yet run")
@Outcome(expect = FORBIDDEN, desc = "the loop did not terminate")
@State
public class ExecuteVersusShutdownStress {

    private final EventLoop loop = StressLoops.parkingMpscLoop();
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
