package dev.loopbench.stress;

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
 * {@code execute()} racing a graceful {@code shutdown()} on a fresh loop (Admission's invariants 1 and 2): a
 * task is either accepted and run before the loop terminates, or rejected in the caller and never run. Never both,
 * never neither.
 *
 * <p>Result: accepted (1) or rejected (0); ran (1) or not (0); loop terminated within the wait (1) or not (0). The
 * race itself is {@link ExecuteVersusShutdownRace}'s, shared with the same test on the other loops
 * ({@link ExecuteVersusShutdownAdapterStress}, {@link ExecuteVersusShutdownNettyStress},
 * {@link ExecuteVersusShutdownAgronaStress}, {@link ExecuteVersusShutdownDisruptorStress}), which take their
 * outcomes from here.
 */
@JCStressTest
@Description("execute() racing shutdown(): every task runs or is rejected, never both, never neither")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "accepted before the shutdown, and run")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "rejected after the shutdown began, and not run")
@Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "accepted but lost")
@Outcome(id = "0, 1, 1", expect = FORBIDDEN, desc = "rejected, yet run")
@Outcome(expect = FORBIDDEN, desc = "the loop did not terminate")
@State
public class ExecuteVersusShutdownStress extends ExecuteVersusShutdownRace {

    public ExecuteVersusShutdownStress() {
        super(StressLoops.parkingMpscLoop());
    }

    @Actor
    public void producer(III_Result r) {
        execute(r);
    }

    @Actor
    public void closer() {
        shutdown();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        judge(r);
    }
}
