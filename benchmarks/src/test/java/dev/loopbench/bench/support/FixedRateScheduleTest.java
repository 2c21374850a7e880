package dev.loopbench.bench.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedRateScheduleTest {

    /** 1000 sends per second: a slot every millisecond. */
    private static final long INTERVAL = 1_000_000;

    @Test
    void aSenderOnTimeOwesNothing() {
        AtomicLong clock = new AtomicLong(5_000);
        FixedRateSchedule schedule = new FixedRateSchedule(1000, clock::get);

        assertEquals(5_000, schedule.awaitNextSlot());
        assertEquals(0, schedule.slotsOwed()); // the next slot is a millisecond away
    }

    @Test
    void aSenderBehindOwesEverySlotThatCameDueAndSendsEachAtItsOwnTime() {
        AtomicLong clock = new AtomicLong(0);
        FixedRateSchedule schedule = new FixedRateSchedule(1000, clock::get);
        clock.set(3 * INTERVAL + 1); // stalled for three intervals: slots 0, 1, 2 and 3 are due

        assertEquals(4, schedule.slotsOwed());
        for (long slot = 0; slot < 4; slot++) {
            assertEquals(slot * INTERVAL, schedule.awaitNextSlot(), "a late slot keeps its intended time");
        }
        assertEquals(0, schedule.slotsOwed());
    }

    @Test
    void aRestartStartsTheSlotsFromNow() {
        AtomicLong clock = new AtomicLong(0);
        FixedRateSchedule schedule = new FixedRateSchedule(1000, clock::get);
        clock.set(10 * INTERVAL);

        schedule.restart();

        assertEquals(1, schedule.slotsOwed(), "only the slot of this instant");
        assertEquals(10 * INTERVAL, schedule.awaitNextSlot());
    }
}
