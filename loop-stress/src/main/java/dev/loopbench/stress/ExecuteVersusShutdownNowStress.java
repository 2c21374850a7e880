package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@code execute()} racing {@code shutdownNow()} on a fresh loop: a task is accepted and then either run or handed
 * back by {@code shutdownNow()}, or rejected in the caller. Exactly one of the three.
 *
 * <p>Result: accepted (1) or rejected (0); ran (1) or not; returned by shutdownNow (1) or not; terminated (1) or not.
 */
@JCStressTest
@Description("execute() racing shutdownNow(): every task runs, is returned, or is rejected, exactly one")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "accepted and run before the stop")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "accepted, never started, returned by shutdownNow")
@Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE, desc = "rejected after the stop began")
@Outcome(expect = FORBIDDEN, desc = "lost, run twice over, run and returned, or not terminated")
@State
public class ExecuteVersusShutdownNowStress {

    private final EventLoop loop = StressLoops.parkingMpscLoop();
    private final Runnable task = () -> ran = 1;
    private volatile int ran;
    private volatile List<Runnable> returned = List.of();

    @Actor
    public void producer(IIII_Result r) {
        try {
            loop.execute(task);
            r.r1 = 1;
        } catch (RejectedExecutionException rejected) {
            r.r1 = 0;
        }
    }

    @Actor
    public void closer() {
        returned = loop.shutdownNow();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = StressLoops.terminated(loop);
        r.r2 = ran;
        r.r3 = (int) returned.stream().filter(t -> t == task).count();
    }
}
