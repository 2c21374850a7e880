package dev.loopbench.bench.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The send times of an open-loop load generator: one slot every {@code 1/rate} seconds, none skipped, whatever
 * the system under test does. A sender that falls behind (descheduled, blocked by a full window) sends its late
 * slots back to back, and each keeps its intended time, so the delay is measured rather than omitted: the
 * coordinated-omission correction of wrk2 and HdrHistogram.
 *
 * <p>Waiting for a slot parks while more than {@link #SPIN_BEFORE_SLOT_NANOS} remain and spins the rest, because
 * {@code parkNanos} oversleeps by tens of microseconds (the kernel's timer slack) and that lateness would be
 * charged to the loop. So the sender spins at most that long per slot.
 *
 * <p>A sender that stops (at the end of an iteration) first sends the slots it still owes ({@link #slotsOwed()}): a
 * sender behind its schedule when the iteration ends has delays to charge, and restarting the slots would drop them.
 *
 * <p>Single-threaded: one sender owns a schedule.
 */
public final class FixedRateSchedule {

    static final long SPIN_BEFORE_SLOT_NANOS = TimeUnit.MICROSECONDS.toNanos(80);
    /** How late a {@code parkNanos} typically wakes on Linux (its timer slack): parking closer than this overshoots. */
    static final long PARK_SLACK_NANOS = TimeUnit.MICROSECONDS.toNanos(60);

    private final LongSupplier nanoClock;
    private final long intervalNanos;
    /** At most a quarter of the interval: at high rates a fixed spin window would take the sender's whole vCPU. */
    private final long spinNanos;
    private long nextSlot;

    public FixedRateSchedule(int sendsPerSecond) {
        this(sendsPerSecond, System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime()} but in tests, which drive a fake clock */
    FixedRateSchedule(int sendsPerSecond, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        if (sendsPerSecond <= 0) {
            throw new IllegalArgumentException("sendsPerSecond must be positive; was " + sendsPerSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / sendsPerSecond;
        this.spinNanos = Math.min(SPIN_BEFORE_SLOT_NANOS, intervalNanos / 4);
        restart();
    }

    /**
     * Starts the slots afresh from now. Called between iterations, once the slots owed were sent: JMH's pause
     * between them is not the loop's latency, and charging it to the first sends of the next iteration would be.
     */
    public void restart() {
        nextSlot = nanoClock.getAsLong();
    }

    /** The slots whose time has come but that {@link #awaitNextSlot()} has not returned yet. */
    public long slotsOwed() {
        long behind = nanoClock.getAsLong() - nextSlot;
        return behind < 0 ? 0 : behind / intervalNanos + 1;
    }

    /**
     * Waits for the next slot, or returns at once if it has passed; returns its intended time (nanoTime). It parks
     * while the slot is further than a park's slack away, yields the vCPU while it is closer than that but not yet
     * within the spin window, and spins only the last quarter of an interval at most (80 us at low rates).
     */
    public long awaitNextSlot() {
        long slot = nextSlot;
        nextSlot += intervalNanos;
        long remaining;
        while ((remaining = slot - nanoClock.getAsLong()) > spinNanos) {
            if (remaining - spinNanos > PARK_SLACK_NANOS) {
                LockSupport.parkNanos(remaining - spinNanos - PARK_SLACK_NANOS);
            } else {
                Thread.yield();
            }
        }
        while (slot - nanoClock.getAsLong() > 0) {
            Thread.onSpinWait();
        }
        return slot;
    }
}
