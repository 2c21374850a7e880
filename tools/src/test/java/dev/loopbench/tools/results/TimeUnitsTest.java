package dev.loopbench.tools.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeUnitsTest {

    @ParameterizedTest
    @CsvSource({"2, us/op, 1, ns/op, 2000", "4, ops/us, 250, ns/op, 1", "1000, ops/s, 2, ms/op, 0.5"})
    void timesPerOperationConvertAcrossUnits(double score, String unit, double otherScore, String otherUnit, double expectedRatio) {
        double ratio = TimeUnits.nanosPerOperation(score, unit).getAsDouble()
                / TimeUnits.nanosPerOperation(otherScore, otherUnit).getAsDouble();
        assertEquals(expectedRatio, ratio, 1e-9);
    }

    @Test
    void unitsThatAreNotTimesPerOperationHaveNoConversion() {
        assertTrue(TimeUnits.nanosPerOperation(1, "wakeups/op").isEmpty());
        assertTrue(TimeUnits.nanosPerOperation(1, "samples").isEmpty());
    }

    @Test
    void aBareTimeIsTheTimeOfOneOperation() {
        assertEquals(2500, TimeUnits.nanosPerOperation(2.5, "us").getAsDouble(), 1e-9);
    }
}
