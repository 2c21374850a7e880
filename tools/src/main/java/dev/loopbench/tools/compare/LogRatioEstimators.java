package dev.loopbench.tools.compare;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;

/**
 * The two ways of estimating a change from fork scores (see {@code docs/statistics.md}).
 * <ul>
 *   <li>{@link #paired}: fork {@code i} of both sides ran in round {@code i} of an A/B run, next to each other in
 *       time, so the machine's drift falls on both: the per-round log ratios are the samples, and a one-sample t
 *       on them removes the drift that a two-sample test would count as noise.</li>
 *   <li>{@link #welch}: two independent runs; Welch's t on the log fork scores, which does not assume equal
 *       variances and widens honestly with few forks.</li>
 * </ul>
 * Logarithms make both multiplicative, as performance changes are, and symmetric between 2x faster and 2x slower.
 */
final class LogRatioEstimators {

    private LogRatioEstimators() {
    }

    /** @param base and {@code next} of equal length, at least 2, every score positive and finite */
    static Estimate paired(double[] base, double[] next) {
        double[] logRatios = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            logRatios[i] = Math.log(next[i]) - Math.log(base[i]);
        }
        return new Estimate(logRatios.length, StatUtils.mean(logRatios),
                Math.sqrt(StatUtils.variance(logRatios) / logRatios.length), logRatios.length - 1);
    }

    /** @param base and {@code next} at least 2 each, every score positive and finite */
    static Estimate welch(double[] base, double[] next) {
        double[] logBase = logs(base);
        double[] logNext = logs(next);
        double baseTerm = StatUtils.variance(logBase) / logBase.length;
        double nextTerm = StatUtils.variance(logNext) / logNext.length;
        double degreesOfFreedom = baseTerm + nextTerm == 0 ? Math.min(base.length, next.length) - 1
                : (baseTerm + nextTerm) * (baseTerm + nextTerm)
                / (baseTerm * baseTerm / (logBase.length - 1) + nextTerm * nextTerm / (logNext.length - 1));
        return new Estimate(Math.min(base.length, next.length), StatUtils.mean(logNext) - StatUtils.mean(logBase),
                Math.sqrt(baseTerm + nextTerm), degreesOfFreedom);
    }

    private static double[] logs(double[] scores) {
        return Arrays.stream(scores).map(Math::log).toArray();
    }
}
