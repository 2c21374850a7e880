package dev.loopbench.tools.compare;

/**
 * How two runs are compared.
 *
 * @param paired      fork {@code i} of each row in both runs came from round {@code i} of one A/B run (or, with
 *                    the run's schedule, the forks are paired by the round the schedule gives them)
 * @param thresholds  the smallest change that counts, per benchmark and gated metric
 * @param familyAlpha the chance, over the whole gate run, of calling anything slower when nothing changed
 * @param lookAlpha   the share of {@code familyAlpha} this comparison may spend: all of it for a single comparison,
 *                    a look's share for a look of a sequential A/B run ({@link AlphaSpending})
 */
public record ComparisonSettings(boolean paired, Thresholds thresholds, double familyAlpha, double lookAlpha) {

    /** The false-alarm rate of one gate run: one in twenty A/A runs may fail. */
    public static final double DEFAULT_FAMILY_ALPHA = 0.05;

    public ComparisonSettings {
        if (!(familyAlpha > 0 && familyAlpha < 1)) {
            throw new IllegalArgumentException("the family-wise alpha must be between 0 and 1; got " + familyAlpha);
        }
        if (!(lookAlpha > 0 && lookAlpha <= familyAlpha)) {
            throw new IllegalArgumentException("a look's alpha must be above 0 and at most the family's "
                    + familyAlpha + "; got " + lookAlpha);
        }
    }

    public static ComparisonSettings unpaired(double thresholdPct) {
        return new ComparisonSettings(false, Thresholds.uniform(thresholdPct), DEFAULT_FAMILY_ALPHA, DEFAULT_FAMILY_ALPHA);
    }

    /** A single paired comparison that spends the whole rate. */
    public static ComparisonSettings paired(Thresholds thresholds) {
        return new ComparisonSettings(true, thresholds, DEFAULT_FAMILY_ALPHA, DEFAULT_FAMILY_ALPHA);
    }

    /** The same comparison at another look's level. */
    public ComparisonSettings atLevel(double level) {
        return new ComparisonSettings(paired, thresholds, familyAlpha, level);
    }

    /** Whether this comparison spends only part of the rate, being one of several looks. */
    public boolean isLook() {
        return lookAlpha < familyAlpha;
    }
}
