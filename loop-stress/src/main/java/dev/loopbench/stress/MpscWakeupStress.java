package dev.loopbench.stress;

import dev.loopbench.loop.EventLoop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.concurrent.CountDownLatch;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The {@code mpsc} loop's sleeping-flag handshake (MpscEventLoop invariant 1): the loop sets {@code sleeping},
 * looks at the queue once more and parks; a producer offers, then reads {@code sleeping} and unparks. If both
 * missed the other, the task would sit in the queue of a parked loop and the producer below would wait forever.
 *
 * <p>One loop serves every sample: it parks as soon as its queue is empty, so each sample's {@code execute()}
 * meets it somewhere on its way to sleep, or asleep. The signal has nothing to do: only the loop can end the wait.
 */
@JCStressTest(Mode.Termination)
@Description("A task given to a parking mpsc loop runs: no wakeup is lost")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the task ran: the loop saw it or was woken")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wakeup: the loop sleeps on a queued task")
@State
public class MpscWakeupStress {

    private static final EventLoop LOOP = StressLoops.parkingMpscLoop();

    private final CountDownLatch ran = new CountDownLatch(1);

    @Actor
    public void producer() throws InterruptedException {
        LOOP.execute(ran::countDown);
        ran.await();
    }

    @Signal
    public void signal() {
        // nothing: the producer may only be released by its task
    }
}
