package dev.loopbench.loop.mpsc;

/**
 * Never parks: the loop polls without pause and so never needs a wakeup, at the price of a whole core for as
 * long as the loop lives, idle or not. Only for a machine with a core to spare for each such loop.
 */
public final class BusySpinIdleStrategy implements IdleStrategy {

    public static final String ALIAS = "spin";

    @Override
    public void idle(int emptyPolls, Sleeper sleeper) {
        Thread.onSpinWait();
    }

    @Override
    public String toString() {
        return ALIAS;
    }
}
