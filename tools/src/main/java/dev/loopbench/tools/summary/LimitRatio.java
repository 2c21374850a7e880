package dev.loopbench.tools.summary;

import dev.loopbench.tools.text.Numbers;

import java.util.Locale;

/**
 * How many times worse than its physical limit a loop's figure is: the geometric mean of the per-round ratios
 * loop/limit, each loop fork against the limit's fork of the same round (from the run's schedule), with a 95% t
 * interval; without a schedule, the ratio of the geometric means of the forks, with a Welch interval. A ratio below
 * 1 means the limit is no floor for this loop here (it measures something else, or the loop avoids its cost), and
 * is said so, never ranked. {@code docs/statistics.md} gives the method.
 *
 * @param ratio   the estimate, in "times worse" (loop time / limit time)
 * @param low     lower bound of the interval; NaN without one
 * @param high    upper bound of the interval; NaN without one
 * @param byRound whether the forks were paired by round
 */
public record LimitRatio(double ratio, double low, double high, boolean byRound) {

    /** What a ratio below 1 is reported as. */
    public static final String NO_FLOOR = "the limit is no floor here";

    /** Whether the limit bounds the figure from below, as a floor must. */
    public boolean isFloor() {
        return ratio >= 1;
    }

    /** {@code 3.25x [3.01, 3.50]}, or {@value #NO_FLOOR} with the ratio in brackets. */
    public String shown() {
        if (!isFloor()) {
            return NO_FLOOR + " (" + Numbers.times(ratio) + ")";
        }
        String interval = Double.isNaN(low) ? "" : " [" + String.format(Locale.ROOT, "%.2f, %.2f", low, high) + "]";
        return Numbers.times(ratio) + interval + (byRound ? "" : " (unpaired)");
    }
}
