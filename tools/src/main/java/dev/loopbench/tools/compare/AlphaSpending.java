package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.RoundSchedule;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Spends the gate's false-alarm rate over the looks a sequential A/B run actually takes, with an
 * O'Brien-Fleming-type spending function (Lan and DeMets, 1983): {@code alpha(t) = 2 (1 - Phi(z(1 - alpha/2) / sqrt(t)))}
 * of the rate is spent by information fraction {@code t} (rounds done over the rounds the budget is expected to
 * reach). Early looks, on few rounds, spend almost nothing; the last look spends whatever is left, so the looks
 * together never spend more than the rate (each look is tested at its own increment, a union bound that needs no
 * assumption about how the looks' statistics depend on each other). See {@code docs/statistics.md}.
 */
public final class AlphaSpending {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private AlphaSpending() {
    }

    /** The share of {@code alpha} spent in all by information fraction {@code fraction}; all of it from 1 on. */
    public static double spentBy(double alpha, double fraction) {
        if (fraction >= 1) {
            return alpha;
        }
        if (fraction <= 0) {
            return 0;
        }
        double z = NORMAL.inverseSurvivalProbability(alpha / 2);
        return 2 * NORMAL.survivalProbability(z / Math.sqrt(fraction));
    }

    /**
     * The level of a look: what the spending function allows by {@code fraction} beyond what earlier looks spent,
     * or, at the last look, everything not yet spent. 0 means the look is not worth taking.
     */
    public static double lookLevel(double alpha, double spentBefore, double fraction, boolean last) {
        return Math.max(0, (last ? alpha : spentBy(alpha, fraction)) - spentBefore);
    }

    /**
     * The level of the final comparison of a run with this schedule: the rate less what its looks before its last
     * round spent; an older schedule's Bonferroni share ({@code alpha / maxLooks}); {@code alpha} for a run that
     * took no looks.
     */
    public static double finalLevel(double alpha, RoundSchedule schedule) {
        if (!schedule.looks().isEmpty()) {
            double spent = schedule.looks().stream().filter(look -> look.round() < schedule.lastRound())
                    .mapToDouble(RoundSchedule.Look::alpha).sum();
            return Math.max(0, alpha - spent);
        }
        return schedule.maxLooks().map(looks -> alpha / looks).orElse(alpha);
    }
}
