package dev.loopbench.loop.mpsc;

/**
 * Spins for {@code spinIterations} empty polls, then parks. A task that arrives within the spin phase needs no
 * wakeup; a longer gap costs the spin's CPU and then a wakeup as with {@link ParkIdleStrategy}.
 */
public final class SpinThenParkIdleStrategy implements IdleStrategy {

    public static final String ALIAS = "spin-park";
    /** About a few microseconds of {@link Thread#onSpinWait()} on current x86 cores. */
    public static final int DEFAULT_SPIN_ITERATIONS = 100;

    private final int spinIterations;

    public SpinThenParkIdleStrategy(int spinIterations) {
        if (spinIterations < 0) {
            throw new IllegalArgumentException("spinIterations must be >= 0; was " + spinIterations);
        }
        this.spinIterations = spinIterations;
    }

    @Override
    public void idle(int emptyPolls, Sleeper sleeper) {
        if (emptyPolls > spinIterations) {
            sleeper.parkUntilWoken();
        } else {
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return ALIAS;
    }
}
