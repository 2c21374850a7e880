package dev.loopbench.loop.mpsc;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spins through an idle gap only while recent gaps were shorter than a wakeup costs, and parks at once otherwise:
 * bursty traffic (tasks microseconds apart) finds the loop awake as with {@link BusySpinIdleStrategy}, and a loop
 * whose gaps are long parks on its first empty poll as with {@link ParkIdleStrategy}, instead of burning a spin
 * phase on every gap as {@link SpinThenParkIdleStrategy} does.
 *
 * <h2>Thread contract</h2>
 * The loop thread only: what it learned lives in plain fields, read and written by {@link #idle} alone.
 *
 * <h2>How it decides</h2>
 * A gap is an idle period: from the poll that found the queue empty ({@code emptyPolls == 1}) to the work that
 * ended it. With {@code W} = {@code wakeupCostMicros}:
 * <ol>
 *   <li><b>Spin or park.</b> A period that starts in spin mode spins while less than {@code W} has passed since it
 *       began, then parks: a wrong guess costs at most one wakeup's worth of spinning per gap (ski rental: at most
 *       twice what the right choice would have cost), and the spin is never longer than {@code W} plus one poll.
 *       A period in park mode parks on its first empty poll. A return from the park with the queue still empty
 *       parks again; it does not restart the spin.</li>
 *   <li><b>What a gap would have cost spinning.</b> Each period yields one sample, the time spin-then-park
 *       would have cost it: the gap itself if the work came within {@code W}, else {@code 2W} (the whole spin
 *       plus a wakeup, priced at {@code W}). Parking at once costs {@code W} (a wakeup) for every gap. The
 *       strategy keeps an exponentially weighted average of the samples (weight 1/4: a few periods to turn, one
 *       odd gap does not) and spins the next period when that average is below {@code W}, i.e. when spinning
 *       was the cheaper policy lately. With short gaps near zero, that is when fewer than about half the recent
 *       gaps outlasted {@code W}: a burst of tasks after a long pause stays spinning, a sparse stream parks. The
 *       clamp to {@code 2W} makes a one-second pause count no more than any other long gap.</li>
 *   <li><b>Measuring without help from the run loop.</b> The clock is read at every call: the last read before
 *       work was found (after the last spin, or after the park returned) ends the period, and the sample is
 *       taken when the next period starts. So the {@link IdleStrategy} interface and the run loop are unchanged,
 *       and the other strategies pay nothing; this one pays a {@code System.nanoTime()} per idle call, during
 *       which it would only spin anyway.</li>
 *   <li><b>Gaps seen through a park.</b> A period that spun its whole budget and parked had a gap of at least
 *       {@code W}: a {@code 2W} sample. A period that parked at once saw the gap plus the wakeup's latency; the
 *       strategy takes the wakeup to have lasted {@code W} and counts the rest as the gap, so a burst arriving
 *       while it parks turns it back to spinning within a few wakeups. On a minute when wakeups are much slower
 *       than {@code W}, short gaps seen that way look long and the loop stays parked: no worse than
 *       {@code park}.</li>
 *   <li><b>Start.</b> The average starts at {@code W}, the boundary, in park mode: the first gap decides.</li>
 * </ol>
 *
 * <h2>The default wakeup cost</h2>
 * {@value #DEFAULT_WAKEUP_COST_MICROS} µs. Measured on the project's machine (2-vCPU AMD EPYC VM, OpenJDK 17): a
 * parked {@code mpsc} loop woken by an unpark starts its task 7 to 9 µs after the send (median) and spends 8 to
 * 13.5 µs of CPU per wakeup; a park/unpark round trip took 11 to 80 µs depending on the minute. 10 µs prices a
 * wakeup at about what it costs on a good minute, keeps the longest spin short on a 2-CPU machine, and is what
 * the correction of item 4 takes a wakeup's latency to be. {@value #MAX_WAKEUP_COST_MICROS} µs at most: a longer
 * spin is a busy loop, not an idle strategy. 0 never spins (as {@code park}).
 */
public final class AdaptiveIdleStrategy implements IdleStrategy {

    public static final String ALIAS = "adaptive";
    /** About what a wakeup costs a parked loop here, in latency and in CPU; see the class comment. */
    public static final int DEFAULT_WAKEUP_COST_MICROS = 10;
    public static final int MAX_WAKEUP_COST_MICROS = 1_000;

    /** The average's weight for a new sample, as a right shift: 1/4. */
    private static final int AVERAGE_SHIFT = 2;

    private final LongSupplier nanoClock;
    /** {@code W}: the spin budget per gap, and the price of a wakeup. */
    private final long wakeupCostNanos;
    /** What a gap longer than {@code W} costs spinning: the whole spin and then a wakeup. */
    private final long longGapCostNanos;

    /** Recent gaps' average cost under spin-then-park (item 2); spin while below {@link #wakeupCostNanos}. */
    private long spinCostAverageNanos;
    /** Whether a period has started, i.e. whether {@link #periodStartNanos} holds a gap to learn from. */
    private boolean periodOpen;
    private long periodStartNanos;
    /** The clock's last reading in this period: after the last spin, or after the park returned. */
    private long lastReadingNanos;
    private boolean spinThisPeriod;
    private boolean parkedThisPeriod;

    public AdaptiveIdleStrategy(int wakeupCostMicros) {
        this(wakeupCostMicros, System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime()} but in tests, which drive a fake clock */
    AdaptiveIdleStrategy(int wakeupCostMicros, LongSupplier nanoClock) {
        if (wakeupCostMicros < 0 || wakeupCostMicros > MAX_WAKEUP_COST_MICROS) {
            throw new IllegalArgumentException("wakeupCostMicros must be between 0 and " + MAX_WAKEUP_COST_MICROS
                    + "; was " + wakeupCostMicros);
        }
        this.nanoClock = nanoClock;
        this.wakeupCostNanos = TimeUnit.MICROSECONDS.toNanos(wakeupCostMicros);
        this.longGapCostNanos = 2 * wakeupCostNanos;
        this.spinCostAverageNanos = wakeupCostNanos;
    }

    @Override
    public void idle(int emptyPolls, Sleeper sleeper) {
        long now = nanoClock.getAsLong();
        if (emptyPolls == 1) {
            startPeriod(now);
        }
        lastReadingNanos = now;
        if (spinThisPeriod && now - periodStartNanos < wakeupCostNanos) {
            Thread.onSpinWait();
        } else {
            sleeper.parkUntilWoken();
            parkedThisPeriod = true;
            lastReadingNanos = nanoClock.getAsLong();
        }
    }

    /** Learns from the period that just ended (work was found since the last call) and picks this one's mode. */
    private void startPeriod(long now) {
        if (periodOpen) {
            long sample = spinCostOf(lastReadingNanos - periodStartNanos);
            spinCostAverageNanos += (sample - spinCostAverageNanos) >> AVERAGE_SHIFT;
        }
        periodOpen = true;
        periodStartNanos = now;
        parkedThisPeriod = false;
        spinThisPeriod = spinCostAverageNanos < wakeupCostNanos;
    }

    /** What spin-then-park would have cost the period that lasted {@code idleNanos} (items 2 and 4). */
    private long spinCostOf(long idleNanos) {
        if (!parkedThisPeriod) {
            return idleNanos; // the work came while spinning, within the budget
        }
        if (spinThisPeriod) {
            return longGapCostNanos; // the gap outlasted the whole spin
        }
        long gapNanos = idleNanos - wakeupCostNanos; // parked at once: the period includes the wakeup
        return gapNanos < wakeupCostNanos ? Math.max(gapNanos, 0) : longGapCostNanos;
    }

    @Override
    public String toString() {
        return ALIAS;
    }
}
