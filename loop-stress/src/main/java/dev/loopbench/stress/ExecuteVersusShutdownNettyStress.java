package dev.loopbench.stress;

import dev.loopbench.loop.netty.NettyEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code execute()} racing a graceful {@code shutdown()} on the {@code netty} adapter, whose every task reaches Netty's
 * {@code DefaultEventLoop} through a gate, and whose graceful close runs on the adapted executor: a task is either
 * accepted and run, or rejected and never run.
 *
 * <p>The race is {@link ExecuteVersusShutdownRace}'s, and the outcomes and their meaning are
 * {@link ExecuteVersusShutdownStress}'s ({@code @JCStressMeta}); the one-line actors are declared boilerplate (see
 * {@code package-info}).
 */
@JCStressTest
@JCStressMeta(ExecuteVersusShutdownStress.class)
@Description("execute() racing shutdown() on the Netty adapter: every task runs or is rejected, never both, never neither")
@State
public class ExecuteVersusShutdownNettyStress extends ExecuteVersusShutdownRace {

    public ExecuteVersusShutdownNettyStress() {
        super(EventLoopRegistry.create(NettyEventLoopProvider.DEFAULT_LOOP_NAME));
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
