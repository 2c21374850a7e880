package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.Direction;
import org.apache.commons.statistics.descriptive.Mean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the fork scores of every compared metric into verdicts, as one family: the gate's false-alarm rate is
 * controlled over all gated metrics at once (Holm), not per row. See {@link RunComparator} and
 * {@code docs/statistics.md} for the method.
 */
final class ChangeJudge {

    /** One metric to judge: its fork scores on both sides and how to read them. */
    record Candidate(BenchmarkKey key, String metric, String unit, Direction direction, boolean gated,
                     double thresholdPct, double[] base, double[] next) {
    }

    private ChangeJudge() {
    }

    static List<MetricComparison> judge(List<Candidate> candidates, ComparisonSettings settings) {
        List<Optional<Estimate>> estimates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Optional<String> unusable = whyUnusable(candidate, settings.paired());
            notes.add(unusable.orElse(""));
            estimates.add(unusable.isPresent() ? Optional.empty() : Optional.of(settings.paired()
                    ? LogRatioEstimators.paired(candidate.base(), candidate.next())
                    : LogRatioEstimators.welch(candidate.base(), candidate.next())));
        }
        int family = (int) candidates.stream().filter(Candidate::gated).count();
        double rowAlpha = settings.lookAlpha() / Math.max(1, family);
        Set<Integer> significantlyWorse = holm(candidates, estimates, settings.lookAlpha());

        List<MetricComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            boolean holmWorse = significantlyWorse.contains(i);
            String note = notes.get(i);
            Change change = estimates.get(i)
                    .map(estimate -> judged(candidate, estimate, rowAlpha, holmWorse))
                    .orElseGet(() -> new Change(candidate.base().length, candidate.next().length, mean(candidate.base()),
                            mean(candidate.next()), GeometricMeanRatio.pointOnly(candidate.base(), candidate.next()),
                            Verdict.UNDECIDED, note));
            comparisons.add(new MetricComparison(candidate.key(), candidate.metric(), candidate.unit(),
                    candidate.direction(), candidate.gated(), candidate.thresholdPct(), change));
        }
        return comparisons;
    }

    /**
     * Holm's step-down procedure on the one-sided p-values of "worse" over the gated metrics: the indices it
     * rejects. It keeps the chance of any false rejection at {@code alpha} whatever the metrics' dependence.
     */
    private static Set<Integer> holm(List<Candidate> candidates, List<Optional<Estimate>> estimates, double alpha) {
        List<Integer> gated = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).gated() && estimates.get(i).isPresent()) {
                gated.add(i);
            }
        }
        gated.sort(Comparator.comparingDouble(i -> estimates.get(i).orElseThrow().pWorse(candidates.get(i).direction())));
        int family = (int) candidates.stream().filter(Candidate::gated).count();
        Set<Integer> rejected = new HashSet<>();
        for (int rank = 0; rank < gated.size(); rank++) {
            int index = gated.get(rank);
            double p = estimates.get(index).orElseThrow().pWorse(candidates.get(index).direction());
            if (p > alpha / (family - rank)) {
                break;
            }
            rejected.add(index);
        }
        return rejected;
    }

    private static Change judged(Candidate candidate, Estimate estimate, double rowAlpha, boolean holmWorse) {
        Direction direction = candidate.direction();
        double threshold = Math.log1p(candidate.thresholdPct() / 100);
        double worse = estimate.worseLogChange(direction);
        GeometricMeanRatio interval = estimate.interval(rowAlpha);
        double worseLow = direction == Direction.LOWER_IS_BETTER ? Math.log(interval.low()) : -Math.log(interval.high());
        double worseHigh = direction == Direction.LOWER_IS_BETTER ? Math.log(interval.high()) : -Math.log(interval.low());
        boolean significantlyWorse = candidate.gated() ? holmWorse : estimate.pWorse(direction) <= rowAlpha;
        Verdict verdict;
        if (significantlyWorse && worse >= threshold) {
            verdict = Verdict.SLOWER;
        } else if (worseHigh < 0 && worse <= -threshold) {
            verdict = Verdict.FASTER;
        } else if (worseLow > -threshold && worseHigh < threshold) {
            verdict = Verdict.UNCHANGED;
        } else {
            verdict = Verdict.UNDECIDED;
        }
        return new Change(candidate.base().length, candidate.next().length, mean(candidate.base()),
                mean(candidate.next()), interval, verdict, "");
    }

    /** Why these fork scores cannot form a ratio, if they cannot. */
    private static Optional<String> whyUnusable(Candidate candidate, boolean paired) {
        for (String side : List.of("base", "new")) {
            double[] scores = side.equals("base") ? candidate.base() : candidate.next();
            if (scores.length < 2) {
                return Optional.of(scores.length + " fork(s) in " + side + ": an interval needs 2 or more");
            }
            if (Arrays.stream(scores).anyMatch(s -> Double.isNaN(s) || Double.isInfinite(s) || s <= 0)) {
                return Optional.of("NaN, infinite or non-positive score in " + side);
            }
        }
        if (paired && candidate.base().length != candidate.next().length) {
            return Optional.of("cannot pair " + candidate.base().length + " base with " + candidate.next().length
                    + " new rounds; a fork failed (see rounds.json)");
        }
        return Optional.empty();
    }

    private static double mean(double[] scores) {
        return Mean.of(scores).getAsDouble();
    }
}
