package dev.loopbench.loop.mpsc;

/**
 * What an idle {@link MpscEventLoop} does after finding its queue empty: poll again at once (spin) or sleep
 * until a producer wakes it (park). Spinning buys latency with a core; parking gives the core back and makes
 * the next producer pay for a wakeup. The benchmarks' {@code idle} parameter takes each strategy's alias.
 */
public interface IdleStrategy {

    /**
     * @param emptyPolls how many polls in a row have found the queue empty, counting this one (from 1)
     * @return true to park now, false to spin once and poll again
     */
    boolean shouldPark(int emptyPolls);

    /** The strategy's alias, as given to the {@code idle} option. */
    @Override
    String toString();
}
