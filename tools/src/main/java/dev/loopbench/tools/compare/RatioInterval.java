package dev.loopbench.tools.compare;

/**
 * A ratio new/base of two means with its confidence interval.
 *
 * @param ratio mean(new) / mean(base)
 * @param low   lower bound of the interval; NaN when no interval could be estimated
 * @param high  upper bound of the interval; NaN when no interval could be estimated
 */
public record RatioInterval(double ratio, double low, double high) {

    /** A point estimate without an interval, for samples too small to resample. */
    public static RatioInterval pointOnly(double ratio) {
        return new RatioInterval(ratio, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
