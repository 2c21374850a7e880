package dev.loopbench.tools.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the ratio of two means.
 *
 * <p>Each resample draws, with replacement, as many scores as each side has from that side, and takes the ratio of
 * the two resampled means; the interval is the 2.5th to 97.5th percentile of {@value #RESAMPLES} such ratios.
 * The generator is seeded with a constant for each estimate, so that one pair of files always gives the same
 * interval whatever else is compared alongside it.
 *
 * <p>With the 3 to 5 forks of a typical run the bootstrap distribution is coarse and somewhat narrow (it has
 * the sample's spread, not the population's); that is why verdicts also require the interval to clear a
 * threshold rather than merely exclude 1.
 */
final class BootstrapRatio {

    static final int RESAMPLES = 10_000;
    static final double CONFIDENCE = 0.95;
    private static final long SEED = 0x10_0B_BE_4CL;

    private BootstrapRatio() {
    }

    /** The ratio mean(next)/mean(base) and its 95% interval; both samples need at least one score. */
    static RatioInterval estimate(double[] base, double[] next) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            ratios[r] = resampledMean(next, random) / resampledMean(base, random);
        }
        Arrays.sort(ratios);
        double tail = (1 - CONFIDENCE) / 2;
        int low = (int) Math.floor(tail * RESAMPLES);
        int high = (int) Math.ceil((1 - tail) * RESAMPLES) - 1;
        return new RatioInterval(mean(next) / mean(base), ratios[low], ratios[high]);
    }

    private static double resampledMean(double[] sample, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < sample.length; i++) {
            sum += sample[random.nextInt(sample.length)];
        }
        return sum / sample.length;
    }

    private static double mean(double[] sample) {
        return Arrays.stream(sample).average().orElseThrow();
    }
}
