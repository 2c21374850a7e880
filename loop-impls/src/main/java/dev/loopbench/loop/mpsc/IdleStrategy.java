package dev.loopbench.loop.mpsc;

/**
 * What an idle {@link MpscEventLoop} does after finding its queue empty: poll again at once (spin), sleep until a
 * producer wakes it (park), or sleep for a while of its own accord (back off). Spinning buys latency with a core;
 * parking gives the core back and makes the next producer pay for a wakeup; backing off costs producers nothing
 * and the first task after a pause up to the longest sleep. The benchmarks' {@code idle} parameter takes each
 * strategy's alias, through {@link IdleStrategyType}.
 */
public interface IdleStrategy {

    /** The loop's own way to sleep until a producer wakes it, without losing a wakeup. */
    interface Sleeper {
        /** Parks the loop thread until a producer wakes it (or spuriously); a producer pays the wakeup. */
        void parkUntilWoken();
    }

    /**
     * Called on each empty poll in a row; returns when the loop should poll again.
     *
     * @param emptyPolls how many polls in a row have found the queue empty, counting this one (from 1); so 1 also
     *                   says that the loop found work since the previous call, which is how {@code backoff} resets
     *                   and {@code adaptive} learns how long the last idle period lasted
     * @param sleeper    parks until a producer wakes the loop; a strategy that never calls it must return by itself
     */
    void idle(int emptyPolls, Sleeper sleeper);

    /** The strategy's alias, as given to the {@code idle} option. */
    @Override
    String toString();
}
