package dev.loopbench.loop.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowdownTest {

    @Test
    void anAbsentOrBlankPropertyIsOff() {
        assertEquals(0, Slowdown.nanos(Slowdown.TASK_NANOS_PROPERTY, null));
        assertEquals(0, Slowdown.nanos(Slowdown.TASK_NANOS_PROPERTY, " "));
        assertEquals(50, Slowdown.nanos(Slowdown.TASK_NANOS_PROPERTY, "50"));
        assertEquals(Slowdown.MAX_NANOS, Slowdown.nanos(Slowdown.TASK_NANOS_PROPERTY, Long.toString(Slowdown.MAX_NANOS)));
    }

    @Test
    void aBadValueSaysWhichPropertyAndWhatItTakes() {
        for (String bad : new String[] {"-1", "50ns", "1000000001"}) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> Slowdown.nanos(Slowdown.WAKEUP_NANOS_PROPERTY, bad));
            assertTrue(thrown.getMessage().contains("-D" + Slowdown.WAKEUP_NANOS_PROPERTY), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("'" + bad + "'"), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("whole number of nanoseconds"), thrown.getMessage());
        }
    }

    /** The build's tests run without the properties: the hooks must be off, and so cost the loops nothing. */
    @Test
    void offUnlessAsked() {
        assertFalse(Slowdown.slowsWakeups());
    }
}
