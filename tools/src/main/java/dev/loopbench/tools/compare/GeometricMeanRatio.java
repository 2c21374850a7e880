package dev.loopbench.tools.compare;

import org.apache.commons.statistics.descriptive.GeometricMean;

import java.util.Arrays;

/**
 * How many times the new run's value is the base's: the ratio of the geometric means of their fork scores, new/base,
 * with its confidence interval. For fork scores paired by round this is also the geometric mean of the per-round
 * ratios, so the paired and the unpaired estimate are the same quantity (see {@link LogRatioEstimators}).
 *
 * @param ratio geometric mean of the new fork scores / geometric mean of the base fork scores; NaN when a score is
 *              not positive and finite, since it then has no logarithm
 * @param low   lower bound of the interval; NaN when no interval could be estimated
 * @param high  upper bound of the interval; NaN when no interval could be estimated
 */
public record GeometricMeanRatio(double ratio, double low, double high) {

    /** The ratio of the geometric means without an interval, for fork scores that cannot form one. */
    static GeometricMeanRatio pointOnly(double[] base, double[] next) {
        return new GeometricMeanRatio(geometricMean(next) / geometricMean(base), Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** NaN for no scores, or for a score whose logarithm is not finite. */
    private static double geometricMean(double[] scores) {
        if (scores.length == 0 || Arrays.stream(scores).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
            return Double.NaN;
        }
        return GeometricMean.of(scores).getAsDouble();
    }
}
