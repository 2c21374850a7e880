package dev.loopbench.soak;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts the round's loop threads from outside, now and then one at a time and sometimes flat out for a few
 * milliseconds: the contract says no interrupt reaches the next task, and none may stop or kill a loop.
 *
 * <h2>Thread contract</h2>
 * Runs on a thread of its own until the round is over.
 */
final class Interrupter implements Runnable {

    private static final long MIN_GAP_NANOS = 50_000;
    private static final long MAX_GAP_NANOS = 2_000_000;
    private static final long MAX_FLAT_OUT_NANOS = 20_000_000;
    private static final int ONE_IN_FLAT_OUT = 20;

    private final List<SoakLoop> loops;
    private final SplittableRandom random;
    private final AtomicBoolean roundOver;
    private final LongAdder interrupts;

    Interrupter(List<SoakLoop> loops, long seed, AtomicBoolean roundOver, LongAdder interrupts) {
        this.loops = loops;
        this.random = new SplittableRandom(seed);
        this.roundOver = roundOver;
        this.interrupts = interrupts;
    }

    @Override
    public void run() {
        while (!roundOver.get()) {
            List<Thread> threads = loops.get(random.nextInt(loops.size())).threads().made();
            if (!threads.isEmpty()) {
                Thread loopThread = threads.get(random.nextInt(threads.size()));
                if (random.nextInt(ONE_IN_FLAT_OUT) == 0) {
                    long end = System.nanoTime() + random.nextLong(MAX_FLAT_OUT_NANOS);
                    while (System.nanoTime() < end && !roundOver.get()) {
                        loopThread.interrupt();
                        interrupts.increment();
                    }
                } else {
                    loopThread.interrupt();
                    interrupts.increment();
                }
            }
            LockSupport.parkNanos(random.nextLong(MIN_GAP_NANOS, MAX_GAP_NANOS));
        }
    }
}
