package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.Direction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the per-fork scores of one metric in two runs into a {@link Change} with a {@link Verdict}.
 * See {@link RunComparator} for the method.
 */
final class ChangeJudge {

    /** With fewer than two forks a side there is no interval; only a change by this factor is called. */
    static final double SINGLE_FORK_FACTOR = 2;

    private ChangeJudge() {
    }

    static Change judge(Direction direction, double[] base, double[] next, double thresholdPct) {
        Optional<String> unusable = whyUnusable("base", base).or(() -> whyUnusable("new", next));
        if (unusable.isPresent()) {
            return new Change(base.length, next.length, mean(base), mean(next),
                    RatioInterval.pointOnly(mean(next) / mean(base)), Verdict.INCONCLUSIVE, unusable.get());
        }
        if (base.length < 2 || next.length < 2) {
            return judgeWithoutInterval(direction, base, next);
        }
        RatioInterval interval = WelchLogRatio.estimate(base, next);
        return new Change(base.length, next.length, mean(base), mean(next), interval,
                verdict(direction, interval, thresholdPct / 100), "");
    }

    /**
     * Judges the interval expressed as a change in the worse direction: for a time the change of the time,
     * for a throughput the change of the throughput with its sign turned.
     */
    private static Verdict verdict(Direction direction, RatioInterval interval, double threshold) {
        boolean lowerIsBetter = direction == Direction.LOWER_IS_BETTER;
        double worseLow = lowerIsBetter ? interval.low() - 1 : 1 - interval.high();
        double worseHigh = lowerIsBetter ? interval.high() - 1 : 1 - interval.low();
        if (worseLow > threshold) {
            return Verdict.SLOWER;
        }
        if (worseHigh < -threshold) {
            return Verdict.FASTER;
        }
        if (worseLow >= -threshold && worseHigh <= threshold) {
            return Verdict.UNCHANGED;
        }
        return Verdict.INCONCLUSIVE;
    }

    private static Change judgeWithoutInterval(Direction direction, double[] base, double[] next) {
        double timesWorse = direction.timesWorse(mean(next), mean(base));
        Verdict verdict = Verdict.INCONCLUSIVE;
        if (timesWorse >= SINGLE_FORK_FACTOR) {
            verdict = Verdict.SLOWER;
        } else if (timesWorse <= 1 / SINGLE_FORK_FACTOR) {
            verdict = Verdict.FASTER;
        }
        String note = String.format(Locale.ROOT,
                "%d fork(s) in base, %d in new: no interval, only a %.0fx change is called",
                base.length, next.length, SINGLE_FORK_FACTOR);
        return new Change(base.length, next.length, mean(base), mean(next),
                RatioInterval.pointOnly(mean(next) / mean(base)), verdict, note);
    }

    /** Why these fork scores cannot form a ratio, if they cannot. */
    private static Optional<String> whyUnusable(String side, double[] scores) {
        if (scores.length == 0) {
            return Optional.of("no per-fork raw data in " + side);
        }
        if (Arrays.stream(scores).anyMatch(Double::isNaN)) {
            return Optional.of("NaN score in " + side);
        }
        if (Arrays.stream(scores).anyMatch(s -> Double.isInfinite(s) || s <= 0)) {
            return Optional.of("infinite or non-positive score in " + side);
        }
        return Optional.empty();
    }

    private static double mean(double[] scores) {
        return Arrays.stream(scores).average().orElse(Double.NaN);
    }
}
