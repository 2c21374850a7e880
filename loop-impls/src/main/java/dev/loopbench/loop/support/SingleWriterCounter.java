package dev.loopbench.loop.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the tasks a loop has run, for {@code counters()}: one writer adds with plain arithmetic and an opaque
 * store, no read-modify-write; readers see a recent value.
 *
 * <h2>Thread contract</h2>
 * {@link #add} by the loop thread only; {@link #get} by any thread.
 */
final class SingleWriterCounter {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(SingleWriterCounter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long count;

    void add(long delta) {
        COUNT.setOpaque(this, count + delta);
    }

    long get() {
        return (long) COUNT.getOpaque(this);
    }
}
