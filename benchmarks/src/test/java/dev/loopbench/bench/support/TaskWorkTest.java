package dev.loopbench.bench.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskWorkTest {

    @Test
    void aNegativeTokenCountIsRefusedSayingWhatIsAllowed() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> TaskWork.of(-1));
        assertTrue(failure.getMessage().contains("0 or more") && failure.getMessage().contains("was -1"),
                failure.getMessage());
    }

    @Test
    void theCalibrationBurnsAboutTheSameTokensWhateverTheWorkWithinBounds() {
        assertEquals(32_768, TaskWork.calibrationRepetitions(256));
        assertEquals(TaskWork.MIN_CALIBRATION_REPETITIONS, TaskWork.calibrationRepetitions(1L << 30));
        assertEquals(TaskWork.MAX_CALIBRATION_REPETITIONS, TaskWork.calibrationRepetitions(0));
    }

    @Test
    void noWorkCostsNothingAndWorkCostsSomething() {
        assertEquals(0.0, TaskWork.NONE.cpuNanosPerOperation());
        assertTrue(TaskWork.of(256).cpuNanosPerOperation() > 0);
    }
}
