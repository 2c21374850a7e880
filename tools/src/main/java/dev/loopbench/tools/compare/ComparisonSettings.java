package dev.loopbench.tools.compare;

/**
 * How two runs are compared.
 *
 * @param paired      fork {@code i} of each row in both runs came from round {@code i} of one A/B run
 * @param thresholds  the smallest change that counts, per benchmark
 * @param familyAlpha the chance, over the whole gate run, of calling anything slower when nothing changed
 * @param maxLooks    how many times a sequential A/B run may look at the verdicts (1 for a single comparison);
 *                    each look is tested at {@code familyAlpha / maxLooks}, so that all looks together keep
 *                    the gate's false-alarm rate at {@code familyAlpha}
 */
public record ComparisonSettings(boolean paired, Thresholds thresholds, double familyAlpha, int maxLooks) {

    /** The false-alarm rate of one gate run: one in twenty A/A runs may fail. */
    public static final double DEFAULT_FAMILY_ALPHA = 0.05;

    public ComparisonSettings {
        if (!(familyAlpha > 0 && familyAlpha < 1)) {
            throw new IllegalArgumentException("the family-wise alpha must be between 0 and 1; got " + familyAlpha);
        }
        if (maxLooks < 1) {
            throw new IllegalArgumentException("the number of looks must be at least 1; got " + maxLooks);
        }
    }

    public static ComparisonSettings unpaired(double thresholdPct) {
        return new ComparisonSettings(false, Thresholds.uniform(thresholdPct), DEFAULT_FAMILY_ALPHA, 1);
    }

    /** The level at which this look tests the whole family of gated metrics. */
    double lookAlpha() {
        return familyAlpha / maxLooks;
    }
}
