package dev.loopbench.loop.mpsc;

/**
 * Agrona's {@link org.agrona.concurrent.BackoffIdleStrategy}, as low-latency Java shops idle their agents: spin,
 * then yield, then park for growing periods up to a ceiling, and never ask a producer for a wakeup. Producers pay
 * no unpark and the idle loop wakes by itself, so the first task after a pause waits up to the longest park
 * (Agrona's default: {@value org.agrona.concurrent.BackoffIdleStrategy#DEFAULT_MAX_PARK_PERIOD_NS} ns) and the idle
 * loop spends a little CPU on timer wakeups.
 *
 * <h2>Thread contract</h2>
 * The loop thread only: Agrona's strategy keeps its back-off state in plain fields.
 */
public final class BackoffIdleStrategy implements IdleStrategy {

    public static final String ALIAS = "backoff";

    /** Agrona's defaults: 10 spins, 5 yields, then parks from 1 µs doubling up to 1 ms. */
    private final org.agrona.concurrent.BackoffIdleStrategy agrona = new org.agrona.concurrent.BackoffIdleStrategy();

    @Override
    public void idle(int emptyPolls, Sleeper sleeper) {
        if (emptyPolls == 1) {
            agrona.reset(); // the loop found work since it last idled: start from spinning again
        }
        agrona.idle();
    }

    @Override
    public String toString() {
        return ALIAS;
    }
}
