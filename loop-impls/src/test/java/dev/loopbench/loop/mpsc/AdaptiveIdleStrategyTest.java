package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The adaptive strategy's decisions, driven by a fake clock and a sleeper that counts parks: no wall-clock
 * threshold anywhere, so the tests say what it decides, not how fast this machine is. One end-to-end test runs a
 * real loop with {@code idle=adaptive} through long and short gaps.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AdaptiveIdleStrategyTest {

    private static final int WAKEUP_COST_MICROS = 10;
    private static final long WAKEUP_COST_NANOS = TimeUnit.MICROSECONDS.toNanos(WAKEUP_COST_MICROS);
    private static final long SHORT_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(2);
    private static final long LONG_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** What one empty poll and its spin take on the fake clock. */
    private static final long POLL_NANOS = 50;
    /** From a producer's unpark to the parked loop polling again, on the fake clock: a good minute's wakeup. */
    private static final long WAKEUP_LATENCY_NANOS = TimeUnit.MICROSECONDS.toNanos(8);
    /** "Within a few periods": how many gaps of a new kind the strategy may take to turn. */
    private static final int FEW_PERIODS = 4;

    /** A loop thread of its own, simulated: runs idle periods against the strategy on a fake clock. */
    private static final class SimulatedLoop {
        final AdaptiveIdleStrategy strategy;
        long nowNanos = 1_000_000_000L;
        long arrivalNanos;
        int parks;
        /** Of the period last run: empty polls before the first park (0 if none), and the time spun before it. */
        int emptyPollsAtFirstPark;
        long spunBeforeParkNanos;

        SimulatedLoop() {
            this(WAKEUP_COST_MICROS);
        }

        SimulatedLoop(int wakeupCostMicros) {
            strategy = new AdaptiveIdleStrategy(wakeupCostMicros, () -> nowNanos);
        }

        /** One idle period whose work arrives {@code gapNanos} after the queue ran dry; returns its parks. */
        int period(long gapNanos) {
            long startNanos = nowNanos;
            arrivalNanos = startNanos + gapNanos;
            int parksBefore = parks;
            emptyPollsAtFirstPark = 0;
            for (int emptyPolls = 1; nowNanos < arrivalNanos; emptyPolls++) {
                if (emptyPolls > 10_000_000) {
                    fail("the strategy neither parked nor let time pass: it spins without bound");
                }
                int parksSoFar = parks;
                long calledAtNanos = nowNanos;
                strategy.idle(emptyPolls, this::park);
                if (parks == parksSoFar) {
                    nowNanos += POLL_NANOS; // it spun: the next poll comes a little later
                } else if (emptyPollsAtFirstPark == 0) {
                    emptyPollsAtFirstPark = emptyPolls;
                    spunBeforeParkNanos = calledAtNanos - startNanos;
                }
            }
            nowNanos += POLL_NANOS; // the poll that finds the task, and the task
            return parks - parksBefore;
        }

        /** Periods with the same gap, returning how many of them parked. */
        int periods(int count, long gapNanos) {
            int parked = 0;
            for (int i = 0; i < count; i++) {
                parked += period(gapNanos) > 0 ? 1 : 0;
            }
            return parked;
        }

        /** Runs periods of {@code gapNanos} until one parks ({@code parks}) or not; how many it took, 0 if none did. */
        int periodsUntil(boolean parks, long gapNanos, int atMost) {
            for (int i = 1; i <= atMost; i++) {
                if ((period(gapNanos) > 0) == parks) {
                    return i;
                }
            }
            return 0;
        }

        /** As the loop's sleeper: sleeps until the task arrives, plus a wakeup. */
        private void park() {
            parks++;
            nowNanos = Math.max(nowNanos, arrivalNanos) + WAKEUP_LATENCY_NANOS;
        }
    }

    /** Runs one period and checks that it parked once, on its first empty poll. */
    private static void assertParksAtOnce(SimulatedLoop loop, long gapNanos, String why) {
        assertEquals(1, loop.period(gapNanos), why + ": one park for the gap");
        assertEquals(1, loop.emptyPollsAtFirstPark, why + ": the park comes on the first empty poll, no spin first");
    }

    @Test
    void shortGapsAreSpunThroughWithoutParking() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.period(SHORT_GAP_NANOS); // the first gap decides; the strategy starts parked
        assertEquals(0, loop.periods(1_000, SHORT_GAP_NANOS), "a gap shorter than a wakeup costs is spun through");
    }

    @Test
    void longGapsParkOnTheFirstEmptyPoll() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.periods(FEW_PERIODS, LONG_GAP_NANOS);
        for (int i = 0; i < 100; i++) {
            assertParksAtOnce(loop, LONG_GAP_NANOS, "no spin phase spent on a long gap");
        }
    }

    @Test
    void fromTheStartItParksUntilAGapIsSeen() {
        SimulatedLoop loop = new SimulatedLoop();
        assertParksAtOnce(loop, LONG_GAP_NANOS, "a new loop, which has seen no gap yet");
    }

    @Test
    void turnsFromSpinningToParkingWithinAFewLongGapsAndBack() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.period(SHORT_GAP_NANOS);
        assertEquals(0, loop.periods(100, SHORT_GAP_NANOS), "settled on spinning");

        int toPark = 0;
        for (int i = 1; i <= FEW_PERIODS && toPark == 0; i++) {
            loop.period(LONG_GAP_NANOS);
            toPark = loop.emptyPollsAtFirstPark == 1 ? i : 0;
        }
        assertTrue(toPark > 0, "still spinning first after " + FEW_PERIODS + " long gaps");
        loop.periods(100, LONG_GAP_NANOS);

        int toSpin = loop.periodsUntil(false, SHORT_GAP_NANOS, FEW_PERIODS);
        assertTrue(toSpin > 0, "still parking after " + FEW_PERIODS + " short gaps");
        assertEquals(0, loop.periods(100, SHORT_GAP_NANOS), "and keeps spinning through short gaps");
    }

    @Test
    void spinIsBoundedByTheWakeupCost() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.periods(100, SHORT_GAP_NANOS); // spinning through every gap now
        assertEquals(1, loop.period(TimeUnit.SECONDS.toNanos(1)), "a long gap while spinning: spins, then parks once");
        assertTrue(loop.spunBeforeParkNanos >= WAKEUP_COST_NANOS - POLL_NANOS
                        && loop.spunBeforeParkNanos <= WAKEUP_COST_NANOS,
                "spun " + loop.spunBeforeParkNanos + " ns before parking; the budget is " + WAKEUP_COST_NANOS);
    }

    @Test
    void aGapJustOverTheBudgetCostsOneSpinAndOnePark() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.periods(100, SHORT_GAP_NANOS);
        assertEquals(1, loop.period(WAKEUP_COST_NANOS + 1_000));
        assertTrue(loop.emptyPollsAtFirstPark > 1, "it spun first, since recent gaps were short");
    }

    @Test
    void burstsAfterLongPausesAreSpunThroughAndPayOneParkPerPause() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.periods(10, SHORT_GAP_NANOS);
        for (int burst = 0; burst < 50; burst++) {
            assertEquals(1, loop.period(LONG_GAP_NANOS), "the pause before a burst costs its park");
            assertEquals(0, loop.periods(9, SHORT_GAP_NANOS), "the burst after it needs no wakeup");
        }
    }

    @Test
    void aSparseStreamWithRareShortGapsStaysParked() {
        SimulatedLoop loop = new SimulatedLoop();
        loop.periods(FEW_PERIODS, LONG_GAP_NANOS);
        for (int i = 0; i < 50; i++) {
            loop.periods(3, LONG_GAP_NANOS);
            loop.period(SHORT_GAP_NANOS);
            assertParksAtOnce(loop, LONG_GAP_NANOS, "one short gap among long ones does not start spinning");
        }
    }

    @Test
    void aZeroWakeupCostNeverSpins() {
        SimulatedLoop loop = new SimulatedLoop(0);
        for (int i = 0; i < 100; i++) {
            assertParksAtOnce(loop, SHORT_GAP_NANOS, "wakeupCostMicros=0");
        }
    }

    @Test
    void wakeupCostOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveIdleStrategy(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveIdleStrategy(AdaptiveIdleStrategy.MAX_WAKEUP_COST_MICROS + 1));
        assertTrue(e.getMessage().contains("wakeupCostMicros"), e.getMessage());
    }

    @Test
    void aliasIsItsName() {
        assertEquals("adaptive", new AdaptiveIdleStrategy(AdaptiveIdleStrategy.DEFAULT_WAKEUP_COST_MICROS).toString());
        assertEquals(AdaptiveIdleStrategy.ALIAS, IdleStrategyType.ADAPTIVE.alias());
    }

    @Test
    void runsTasksFromAnotherThreadAfterLongAndShortGaps() throws Exception {
        EventLoop loop = EventLoopRegistry.builder("mpsc").option("idle", "adaptive").build();
        int bursts = 5;
        int tasksPerBurst = 200;
        CountDownLatch ran = new CountDownLatch(bursts * (1 + tasksPerBurst));
        try (loop) {
            for (int burst = 0; burst < bursts; burst++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // a long gap: the loop parks
                loop.execute(ran::countDown);
                for (int i = 0; i < tasksPerBurst; i++) {
                    long sendAt = System.nanoTime() + SHORT_GAP_NANOS; // short gaps: paced, nothing asserted on time
                    while (System.nanoTime() < sendAt) {
                        Thread.onSpinWait();
                    }
                    loop.execute(ran::countDown);
                }
            }
            assertTrue(ran.await(20, TimeUnit.SECONDS), ran.getCount() + " tasks never ran");
        }
        assertTrue(loop.awaitTermination(20, TimeUnit.SECONDS));
        LoopCounters counters = loop.counters();
        assertEquals(bursts * (1 + tasksPerBurst), counters.tasksRun());
    }
}
