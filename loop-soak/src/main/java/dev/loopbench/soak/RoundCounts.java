package dev.loopbench.soak;

import java.util.concurrent.atomic.LongAdder;

/** What one soak round did, counted by the threads that did it. Thread safe. */
final class RoundCounts {

    final LongAdder tasks = new LongAdder();
    final LongAdder futures = new LongAdder();
    final LongAdder offloads = new LongAdder();
    final LongAdder interrupts = new LongAdder();
    final LongAdder closes = new LongAdder();

    /** Every operation: tasks, offloads, interrupts and closes. */
    long operations() {
        return tasks.sum() + offloads.sum() + interrupts.sum() + closes.sum();
    }
}
