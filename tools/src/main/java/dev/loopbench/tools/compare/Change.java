package dev.loopbench.tools.compare;

/**
 * How one metric changed from the base run to the new run, judged from per-fork scores.
 *
 * @param baseForks number of fork scores in the base run
 * @param newForks  number of fork scores in the new run
 * @param baseMean  mean of the base run's fork scores; NaN without any
 * @param newMean   mean of the new run's fork scores; NaN without any
 * @param ratio     new/base, the ratio of the geometric means of the fork scores (paired: the geometric mean of the
 *                  per-round ratios, the same number), with its interval at the family-corrected level (see
 *                  {@link RunComparator}); without an interval where the scores cannot form one
 * @param verdict   the judgement against the threshold
 * @param note      why the verdict is what it is, when that is not the interval alone; empty otherwise
 */
public record Change(int baseForks, int newForks, double baseMean, double newMean, GeometricMeanRatio ratio,
                     Verdict verdict, String note) {

    /** The change in percent of the base value, e.g. +25 for a time that grew by a quarter. */
    public double percent() {
        return (ratio.ratio() - 1) * 100;
    }

    /** The lower bound of the change in percent; NaN without an interval. */
    public double lowPercent() {
        return (ratio.low() - 1) * 100;
    }

    /**
     * Half the interval's width on the log scale, as a percentage: the smallest change the interval could tell
     * from none. NaN without an interval.
     */
    public double halfWidthPercent() {
        return Math.expm1((Math.log(ratio.high()) - Math.log(ratio.low())) / 2) * 100;
    }

    /** The upper bound of the change in percent; NaN without an interval. */
    public double highPercent() {
        return (ratio.high() - 1) * 100;
    }
}
