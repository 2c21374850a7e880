package dev.loopbench.loop.support;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBurnTest {

    private static final CpuBurn BURN = CpuBurn.calibrate();

    @Test
    void zeroNanosIsNoStepAndAnyPositiveTimeAtLeastOne() {
        assertEquals(0, BURN.stepsFor(0));
        assertTrue(BURN.stepsFor(1) >= 1, "1 ns asked is at least one step");
        assertTrue(BURN.stepsPerNano() > 0, "calibrated rate " + BURN.stepsPerNano());
    }

    @Test
    void stepsGrowInProportionToTheTimeAsked() {
        int tenMicros = BURN.stepsFor(10_000);
        int hundredMicros = BURN.stepsFor(100_000);
        assertTrue(tenMicros < hundredMicros, tenMicros + " steps for 10 us, " + hundredMicros + " for 100 us");
        assertEquals(10.0 * tenMicros, hundredMicros, tenMicros, "a tenfold time is tenfold steps, give or take rounding");
    }

    /** CPU time, not wall time: a burn of ten times the steps takes more of this thread's CPU, however loaded the machine. */
    @Test
    void burntCpuGrowsWithTheTimeAsked() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return; // nothing to measure it by; the steps test above still holds
        }
        long shortBurn = cpuOf(threads, BURN.stepsFor(2_000_000));
        long longBurn = cpuOf(threads, BURN.stepsFor(20_000_000));
        assertTrue(longBurn > shortBurn, "20 ms asked burnt " + longBurn + " ns of CPU, 2 ms asked burnt " + shortBurn);
    }

    private static long cpuOf(ThreadMXBean threads, int steps) {
        long start = threads.getCurrentThreadCpuTime();
        CpuBurn.burn(steps);
        return threads.getCurrentThreadCpuTime() - start;
    }
}
