package dev.loopbench.bench.support;

/**
 * A counter on a cache line of its own, for a benchmark's per-task bookkeeping: written by one thread per task,
 * it must not share a line with fields the producers read (the loop reference, the task objects), or every
 * increment would invalidate their copies and the harness would measure false sharing.
 *
 * <p>Single writer; other threads read it only once the writer has stopped (after the loop has terminated).
 * The padding fields are there for their size alone, as in JMH's and JCTools' padded classes.
 */
@SuppressWarnings("unused")
public final class PaddedCounter {

    private long p01, p02, p03, p04, p05, p06, p07;
    private long value;
    private long p11, p12, p13, p14, p15, p16, p17;

    public void increment() {
        value++;
    }

    public void add(long amount) {
        value += amount;
    }

    public long get() {
        return value;
    }
}
