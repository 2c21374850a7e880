package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.Direction;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The estimated change of one metric on the log scale: {@code log(new) - log(base)}, with its standard error and
 * degrees of freedom, from which the intervals and p-values of the verdicts follow.
 *
 * @param samples           pairs (paired) or the smaller side's forks (unpaired)
 * @param logChange         mean log ratio new/base
 * @param standardError     of {@code logChange}
 * @param degreesOfFreedom  of the t distribution of {@code logChange / standardError}
 */
record Estimate(int samples, double logChange, double standardError, double degreesOfFreedom) {

    /** new/base: the ratio of the geometric means, {@code exp(logChange)}. */
    double ratio() {
        return Math.exp(logChange);
    }

    /** The two-sided interval of new/base at confidence {@code 1 - alpha}. */
    GeometricMeanRatio interval(double alpha) {
        if (standardError == 0) {
            return new GeometricMeanRatio(ratio(), ratio(), ratio());
        }
        double t = TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(alpha / 2);
        return new GeometricMeanRatio(ratio(), Math.exp(logChange - t * standardError),
                Math.exp(logChange + t * standardError));
    }

    /** The one-sided p-value of "new is worse than base", worse as {@code direction} says. */
    double pWorse(Direction direction) {
        double worse = direction == Direction.LOWER_IS_BETTER ? logChange : -logChange;
        if (standardError == 0) {
            return worse > 0 ? 0 : 1;
        }
        return TDistribution.of(degreesOfFreedom).survivalProbability(worse / standardError);
    }

    /** {@code log(new/base)} expressed so that positive is worse. */
    double worseLogChange(Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? logChange : -logChange;
    }
}
