package dev.loopbench.tools.results;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DirectionTest {

    @ParameterizedTest
    @CsvSource({
            "thrpt, ops/us, HIGHER_IS_BETTER",
            "thrpt, ops/s, HIGHER_IS_BETTER",
            "avgt, us/op, LOWER_IS_BETTER",
            "sample, ns/op, LOWER_IS_BETTER",
            "ss, ms/op, LOWER_IS_BETTER",
            "thrpt, us, LOWER_IS_BETTER",
            "thrpt, wakeups/op, LOWER_IS_BETTER",
            "thrpt, samples, HIGHER_IS_BETTER",
            "avgt, samples, LOWER_IS_BETTER"})
    void unitDecidesAndModeBreaksTies(String mode, String unit, Direction expected) {
        assertEquals(expected, Direction.of(mode, unit));
    }
}
