package dev.loopbench.stress;

import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Per-producer FIFO across {@code agrona}'s bounded queue and its overflow (the loop's invariant 2): the loop takes
 * the overflow's head only after it has seen that task there and then the bounded queue empty, and waits out a
 * producer between its claim of a queue slot and its write; so a producer's later task, overflowed while the queue
 * held its earlier ones, never runs before them. The loop idles a microsecond at a time ({@code sleep-ns}): it wakes
 * often, and each wakeup can preempt a producer mid-offer, without a core spinning for it.
 *
 * <p>Result: per producer, in order (1), out of order (0), not all run within the wait (-1). The race is
 * {@link OverflowFifoRace}'s, shared with {@link DisruptorOverflowFifoStress}, which takes its outcomes from here.
 */
@JCStressTest
@Description("agrona, ring of 2: two producers' continuations run each in the order given, through ring and overflow")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both producers' tasks ran in the order given")
@Outcome(id = {"0, .*", ".*, 0"}, expect = FORBIDDEN, desc = "a producer's later task ran before an earlier one")
@Outcome(expect = FORBIDDEN, desc = "a task did not run within the wait")
@State
public class AgronaOverflowFifoStress extends OverflowFifoRace {

    private static final Ring RING = new Ring(EventLoopRegistry.builder(AgronaEventLoopProvider.NAME)
            .option(AgronaEventLoopProvider.CAPACITY, RING_SIZE).option(AgronaEventLoopProvider.IDLE, "sleep-ns").build());

    public AgronaOverflowFifoStress() {
        super(RING, 0);
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
