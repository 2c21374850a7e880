package dev.loopbench.stress;

import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code execute()} racing a graceful {@code shutdown()} on {@code agrona}, whose runner drains a bounded queue and an
 * overflow queue and closes input only when it has seen both empty after the state: a task is either accepted and
 * run, or rejected and never run. A small queue, so that a sample does not allocate the default 2^19 slots.
 *
 * <p>The race is {@link ExecuteVersusShutdownRace}'s, and the outcomes and their meaning are
 * {@link ExecuteVersusShutdownStress}'s ({@code @JCStressMeta}); the one-line actors are declared boilerplate (see
 * {@code package-info}).
 */
@JCStressTest
@JCStressMeta(ExecuteVersusShutdownStress.class)
@Description("execute() racing shutdown() on agrona: every task runs or is rejected, never both, never neither")
@State
public class ExecuteVersusShutdownAgronaStress extends ExecuteVersusShutdownRace {

    public ExecuteVersusShutdownAgronaStress() {
        super(EventLoopRegistry.builder(AgronaEventLoopProvider.NAME)
                .option(AgronaEventLoopProvider.CAPACITY, StressLoops.SMALL_RING).build());
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
