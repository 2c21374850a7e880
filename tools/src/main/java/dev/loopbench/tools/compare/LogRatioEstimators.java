package dev.loopbench.tools.compare;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

import java.util.Arrays;
import java.util.stream.DoubleStream;

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
 * Means, variances and the t tests' degrees of freedom come from Commons Statistics.
 */
public final class LogRatioEstimators {

    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    private LogRatioEstimators() {
    }

    /**
     * {@code next / base} with its two-sided interval at confidence {@code 1 - alpha}, paired (equal lengths,
     * element {@code i} of each from one round) or not; the ratio alone where the scores cannot form an interval
     * (fewer than 2 on a side, or a score that is not positive and finite).
     */
    public static GeometricMeanRatio ratio(double[] base, double[] next, boolean paired, double alpha) {
        boolean usable = base.length >= 2 && next.length >= 2 && (!paired || base.length == next.length)
                && DoubleStream.concat(Arrays.stream(base), Arrays.stream(next)).allMatch(s -> s > 0 && Double.isFinite(s));
        if (!usable) {
            return GeometricMeanRatio.pointOnly(base, next);
        }
        return (paired ? paired(base, next) : welch(base, next)).interval(alpha);
    }

    /** @param base and {@code next} of equal length, at least 2, every score positive and finite */
    static Estimate paired(double[] base, double[] next) {
        double[] logRatios = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            logRatios[i] = Math.log(next[i]) - Math.log(base[i]);
        }
        return new Estimate(logRatios.length, Mean.of(logRatios).getAsDouble(),
                Math.sqrt(Variance.of(logRatios).getAsDouble() / logRatios.length),
                TTest.withDefaults().pairedTest(logs(next), logs(base)).getDegreesOfFreedom());
    }

    /** @param base and {@code next} at least 2 each, every score positive and finite */
    static Estimate welch(double[] base, double[] next) {
        double[] logBase = logs(base);
        double[] logNext = logs(next);
        double baseTerm = Variance.of(logBase).getAsDouble() / logBase.length;
        double nextTerm = Variance.of(logNext).getAsDouble() / logNext.length;
        // Welch-Satterthwaite, undefined (0/0) when neither side varies; the standard error is then 0 and the
        // verdict does not depend on it
        double degreesOfFreedom = baseTerm + nextTerm == 0 ? Math.min(base.length, next.length) - 1
                : WELCH.test(logNext, logBase).getDegreesOfFreedom();
        return new Estimate(Math.min(base.length, next.length),
                Mean.of(logNext).getAsDouble() - Mean.of(logBase).getAsDouble(), Math.sqrt(baseTerm + nextTerm),
                degreesOfFreedom);
    }

    private static double[] logs(double[] scores) {
        return Arrays.stream(scores).map(Math::log).toArray();
    }
}
