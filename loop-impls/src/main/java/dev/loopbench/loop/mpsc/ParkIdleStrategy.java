package dev.loopbench.loop.mpsc;

/** Parks as soon as the queue is empty: no CPU while idle, a wakeup for the first task after every gap. */
public final class ParkIdleStrategy implements IdleStrategy {

    public static final String ALIAS = "park";

    @Override
    public void idle(int emptyPolls, Sleeper sleeper) {
        sleeper.parkUntilWoken();
    }

    @Override
    public String toString() {
        return ALIAS;
    }
}
