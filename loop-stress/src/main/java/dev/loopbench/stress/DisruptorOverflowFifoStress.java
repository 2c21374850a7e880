package dev.loopbench.stress;

import dev.loopbench.loop.disruptor.DisruptorEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Per-producer FIFO across the {@code disruptor} ring and its overflow (the loop's invariant 2): the loop takes each
 * overflow task only after it has seen that task at the overflow's head and then no event claimed in the ring, so a
 * producer's task, overflowed after it refilled the ring while an earlier overflow task ran, never runs before the
 * ones it put into the ring. The default blocking wait strategy, and tasks that each take a moment
 * ({@value #TASK_SPINS} spin-waits), which hold that window open.
 *
 * <p>The race is {@link OverflowFifoRace}'s, and the outcomes and their meaning are
 * {@link AgronaOverflowFifoStress}'s ({@code @JCStressMeta}); the one-line actors are declared boilerplate (see
 * {@code package-info}).
 */
@JCStressTest
@JCStressMeta(AgronaOverflowFifoStress.class)
@Description("disruptor, ring of 2: two producers' continuations run each in the order given, through ring and overflow")
@State
public class DisruptorOverflowFifoStress extends OverflowFifoRace {

    private static final int TASK_SPINS = 64;
    private static final Ring RING = new Ring(EventLoopRegistry.builder(DisruptorEventLoopProvider.NAME)
            .option(DisruptorEventLoopProvider.RING_SIZE, RING_SIZE).build());

    public DisruptorOverflowFifoStress() {
        super(RING, TASK_SPINS);
    }

    @Actor
    public void first() {
        produce(0);
    }

    @Actor
    public void second() {
        produce(1);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        judge(r);
    }
}
