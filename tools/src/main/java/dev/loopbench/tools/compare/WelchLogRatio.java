package dev.loopbench.tools.compare;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * The ratio of two runs' geometric-mean fork scores, with a 95% Welch t interval computed on the logarithms of the
 * fork scores and turned back into a ratio.
 *
 * <p>Why this and not a bootstrap: a run has 2 to 5 forks, and a bootstrap of 3 values has only 10 distinct
 * resampled means, so its interval is too narrow to trust. Welch's t interval widens honestly with few samples
 * (t = 4.30 for 2 degrees of freedom against 1.96 for many) and does not assume equal variances. Logarithms make
 * the interval multiplicative, as performance changes are, and symmetric between "2x faster" and "2x slower".
 */
final class WelchLogRatio {

    static final double CONFIDENCE = 0.95;

    private WelchLogRatio() {
    }

    /** The ratio new/base and its interval; each side needs at least two positive, finite scores. */
    static RatioInterval estimate(double[] base, double[] next) {
        double[] logBase = logs(base);
        double[] logNext = logs(next);
        double difference = mean(logNext) - mean(logBase);
        double baseTerm = variance(logBase) / logBase.length;
        double nextTerm = variance(logNext) / logNext.length;
        double standardError = Math.sqrt(baseTerm + nextTerm);
        double ratio = Math.exp(difference);
        if (standardError == 0) {
            return new RatioInterval(ratio, ratio, ratio);
        }
        double degreesOfFreedom = (baseTerm + nextTerm) * (baseTerm + nextTerm)
                / (baseTerm * baseTerm / (logBase.length - 1) + nextTerm * nextTerm / (logNext.length - 1));
        double t = new TDistribution(null, degreesOfFreedom)
                .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new RatioInterval(ratio, Math.exp(difference - t * standardError),
                Math.exp(difference + t * standardError));
    }

    private static double[] logs(double[] scores) {
        return Arrays.stream(scores).map(Math::log).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
