package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@code shutdown()} racing {@code shutdownNow()} on a loop given one task just before: whichever wins, the state
 * only advances, the loop terminates, and the task is run or returned, never both, never neither.
 *
 * <p>Result: the queued task ran (1) or not; it was returned by shutdownNow (1) or not; terminated (1) or not.
 */
@JCStressTest
@Description("shutdown() racing shutdownNow(): the loop terminates and a queued task is run or returned, once")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the task ran before the stop")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the stop returned the never-started task")
@Outcome(expect = FORBIDDEN, desc = "the task was lost or counted twice, or the loop did not terminate")
@State
public class ShutdownVersusShutdownNowStress {

    private final EventLoop loop = StressLoops.parkingMpscLoop();
    private final Runnable task = () -> ran = 1;
    private volatile int ran;
    private volatile int returned;

    public ShutdownVersusShutdownNowStress() {
        loop.execute(task);
    }

    @Actor
    public void gracefully() {
        loop.shutdown();
    }

    @Actor
    public void abruptly() {
        returned = loop.shutdownNow().contains(task) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = StressLoops.terminated(loop);
        r.r1 = ran;
        r.r2 = returned;
    }
}
