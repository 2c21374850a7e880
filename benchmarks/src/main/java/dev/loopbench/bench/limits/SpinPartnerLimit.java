package dev.loopbench.bench.limits;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.HelperThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the two spinning limits share: a partner thread that busy-spins on one volatile counter, {@code turn}, and
 * answers each odd value with the next even one, and the measured thread's bounded spin for that answer. The time
 * of a {@link #pingPong} is two cache-line transfers between cores; a subclass adds only what its partner does on
 * its turn ({@link #onTurn}), before it answers.
 *
 * <p>Thread contract: {@link #pingPong} is called by the measured (JMH) thread only; {@link #onTurn} runs on the
 * partner only. Invariant: a write the measured thread makes before {@link #pingPong} is visible in the partner's
 * {@link #onTurn} for that turn (the volatile write of the odd {@code turn} publishes it).
 *
 * <p>The partner runs only during an iteration (started and stopped in {@code Level.Iteration} fixtures), so that
 * JMH's own work between iterations has the CPUs, and the tear-down fails if it does not stop. The measured spin
 * checks a deadline every {@value #SPINS_PER_DEADLINE_CHECK} polls and fails after
 * {@value BoundedWaits#TIMEOUT_SECONDS} s, so a hung partner hangs nothing.
 */
public abstract class SpinPartnerLimit extends BenchmarkDefaults {

    static final int SPINS_PER_DEADLINE_CHECK = 1 << 16;

    /** Odd: the partner's turn; even: the measured thread's. */
    private volatile long turn;
    private volatile boolean partnerRunning;
    private Thread partner;

    private final String partnerName;
    private final String awaited;

    /**
     * @param partnerName the partner thread's name
     * @param awaited     what the measured thread waits for, for the message of a timeout
     */
    protected SpinPartnerLimit(String partnerName, String awaited) {
        this.partnerName = partnerName;
        this.awaited = awaited;
    }

    @Setup(Level.Iteration)
    public void startPartner() {
        partnerRunning = true;
        partner = HelperThreads.start(partnerName, this::answer);
    }

    @TearDown(Level.Iteration)
    public void stopPartner() {
        partnerRunning = false;
        BoundedWaits.join(partner);
    }

    /** Hands the turn to the partner and spins until it answers; returns the answer, for JMH to consume. */
    protected final long pingPong() {
        long ping = turn + 1;
        turn = ping;
        long pong = ping + 1;
        long deadline = 0;
        for (int spins = 1; turn != pong; spins++) {
            if (spins % SPINS_PER_DEADLINE_CHECK == 0) {
                deadline = deadline == 0 ? BoundedWaits.deadline() : deadline;
                BoundedWaits.checkDeadline(deadline, awaited);
            }
            Thread.onSpinWait();
        }
        return pong;
    }

    /** What the partner does on its turn, before it answers; it runs on the partner thread. */
    protected abstract void onTurn();

    /** The partner: answers each odd value with the next even one, until told to stop. */
    private void answer() {
        while (partnerRunning) {
            long seen = turn;
            if ((seen & 1) == 1) {
                onTurn();
                turn = seen + 1;
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
