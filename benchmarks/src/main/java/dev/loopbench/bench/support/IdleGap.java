package dev.loopbench.bench.support;

import java.util.concurrent.locks.LockSupport;

/** Leaves a loop idle: the producer parks, so the gap costs no CPU and leaves both vCPUs to the loop and JMH. */
public final class IdleGap {

    private IdleGap() {
    }

    /** Parks for at least {@code nanos}; {@code parkNanos} may return early, so it parks again for the rest. */
    public static void park(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long remaining = nanos; remaining > 0; remaining = end - System.nanoTime()) {
            LockSupport.parkNanos(remaining);
        }
    }
}
