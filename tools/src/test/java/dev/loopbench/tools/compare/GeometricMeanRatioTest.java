package dev.loopbench.tools.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometricMeanRatioTest {

    /** Arithmetic means 50.5 and 10 would make this a ratio of 0.2; the geometric means are both 10. */
    private static final double[] BASE = {1, 100};
    private static final double[] NEXT = {10, 10};

    @Test
    void withoutAnIntervalTheRatioIsOfTheGeometricMeans() {
        GeometricMeanRatio ratio = GeometricMeanRatio.pointOnly(BASE, NEXT);

        assertEquals(1.0, ratio.ratio(), 1e-12);
        assertFalse(ratio.hasInterval());
    }

    @Test
    void pairedUnpairedAndPointEstimatesAreTheSameRatio() {
        double point = GeometricMeanRatio.pointOnly(BASE, NEXT).ratio();

        assertEquals(point, LogRatioEstimators.paired(BASE, NEXT).ratio(), 1e-12);
        assertEquals(point, LogRatioEstimators.welch(BASE, NEXT).ratio(), 1e-12);
        assertTrue(LogRatioEstimators.welch(BASE, NEXT).interval(0.05).hasInterval());
    }

    @Test
    void aScoreWithoutALogarithmHasNoRatio() {
        assertTrue(Double.isNaN(GeometricMeanRatio.pointOnly(new double[] {0, 2}, NEXT).ratio()));
        assertTrue(Double.isNaN(GeometricMeanRatio.pointOnly(BASE, new double[] {Double.NaN}).ratio()));
    }
}
