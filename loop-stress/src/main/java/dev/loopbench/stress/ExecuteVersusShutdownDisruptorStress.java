package dev.loopbench.stress;

import dev.loopbench.loop.disruptor.DisruptorEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code execute()} racing a graceful {@code shutdown()} on {@code disruptor}, whose producer publishes a nudge to the
 * ring after it changes the state so that a waiting handler looks again: a task is either accepted and run, or
 * rejected and never run. A small ring, so that a sample does not preallocate the default 2^19 events.
 *
 * <p>The race is {@link ExecuteVersusShutdownRace}'s, and the outcomes and their meaning are
 * {@link ExecuteVersusShutdownStress}'s ({@code @JCStressMeta}); the one-line actors are declared boilerplate (see
 * {@code package-info}).
 */
@JCStressTest
@JCStressMeta(ExecuteVersusShutdownStress.class)
@Description("execute() racing shutdown() on disruptor: every task runs or is rejected, never both, never neither")
@State
public class ExecuteVersusShutdownDisruptorStress extends ExecuteVersusShutdownRace {

    public ExecuteVersusShutdownDisruptorStress() {
        super(EventLoopRegistry.builder(DisruptorEventLoopProvider.NAME)
                .option(DisruptorEventLoopProvider.RING_SIZE, StressLoops.SMALL_RING).build());
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
