package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.infra.results.III_Result;

import java.util.concurrent.RejectedExecutionException;

/**
 * The race of {@link ExecuteVersusShutdownStress} and its kin on the other loops (the {@code jdk-executor} and
 * {@code netty} adapters, {@code agrona}, {@code disruptor}), written once for any loop: {@code execute()} racing a
 * graceful {@code shutdown()} on a fresh loop. A subclass is the jcstress test: it names the loop, and its
 * {@code @Actor} and {@code @Arbiter} methods call the ones here (jcstress takes actors only from the test class
 * itself).
 *
 * <p>Result: accepted (1) or rejected (0); ran (1) or not (0); loop terminated within the wait (1) or not (0).
 */
public abstract class ExecuteVersusShutdownRace {

    private final EventLoop loop;
    private volatile int ran;

    protected ExecuteVersusShutdownRace(EventLoop loop) {
        this.loop = loop;
    }

    /** The producer: offers a task that marks that it ran; r1 says whether it was accepted. */
    protected final void execute(III_Result r) {
        try {
            loop.execute(() -> ran = 1);
            r.r1 = 1;
        } catch (RejectedExecutionException rejected) {
            r.r1 = 0;
        }
    }

    /** The closer. */
    protected final void shutdown() {
        loop.shutdown();
    }

    /** After both: r3 whether the loop terminated within the wait, then r2 whether the task ran. */
    protected final void judge(III_Result r) {
        r.r3 = StressLoops.terminated(loop);
        r.r2 = ran;
    }
}
