package dev.loopbench.stress;

import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@link ExecuteVersusShutdownStress} on the {@code jdk-executor} adapter, whose graceful close runs through
 * another path: a check queued on the adapted executor, which closes input from a gate between tasks and then
 * shuts the executor down. A task is either accepted and run, or rejected and never run.
 *
 * <p>The race is {@link ExecuteVersusShutdownRace}'s, and the outcomes and their meaning are
 * {@link ExecuteVersusShutdownStress}'s ({@code @JCStressMeta}). The three one-line actors repeat that test's:
 * jcstress takes actors only from the test class itself (declared boilerplate, see {@code package-info}).
 */
@JCStressTest
@JCStressMeta(ExecuteVersusShutdownStress.class)
@Description("execute() racing shutdown() on an adapter: every task runs or is rejected, never both, never neither")
@State
public class ExecuteVersusShutdownAdapterStress extends ExecuteVersusShutdownRace {

    public ExecuteVersusShutdownAdapterStress() {
        super(EventLoopRegistry.create("jdk-executor"));
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
