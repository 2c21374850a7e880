package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.Direction;
import dev.loopbench.tools.text.Numbers;
import org.apache.commons.statistics.descriptive.Mean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the fork scores of every compared metric into verdicts, as one family: the gate's false-alarm rate is
 * controlled over all gated metrics at once (Holm), not per row. See {@link RunComparator} and
 * {@code docs/statistics.md} for the method.
 */
final class ChangeJudge {

    /** Fewer samples than this leave one degree of freedom, whose t intervals say nothing at a gate's level. */
    static final int MIN_SAMPLES = 3;

    /**
     * One metric to judge: its fork scores on both sides (paired: aligned by round) and how to read them.
     *
     * @param floor       added to every score before logarithms, in the metric's unit: 0 for none (see
     *                    {@link GatedMetrics})
     * @param pairingNote what pairing by round left out, if anything
     */
    record Candidate(BenchmarkKey key, String metric, String unit, Direction direction, boolean gated,
                     double thresholdPct, double floor, double[] base, double[] next, String pairingNote) {

        double[] shiftedBase() {
            return shifted(base);
        }

        double[] shiftedNext() {
            return shifted(next);
        }

        private double[] shifted(double[] scores) {
            return floor == 0 ? scores : Arrays.stream(scores).map(score -> score + floor).toArray();
        }
    }

    private ChangeJudge() {
    }

    static List<MetricComparison> judge(List<Candidate> candidates, ComparisonSettings settings) {
        List<Optional<Estimate>> estimates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Optional<String> unusable = whyUnusable(candidate, settings.paired());
            notes.add(String.join("; ", Stream.of(candidate.pairingNote(), unusable.orElse(""))
                    .filter(note -> !note.isEmpty()).toList()));
            estimates.add(unusable.isPresent() ? Optional.empty() : Optional.of(settings.paired()
                    ? LogRatioEstimators.paired(candidate.shiftedBase(), candidate.shiftedNext())
                    : LogRatioEstimators.welch(candidate.shiftedBase(), candidate.shiftedNext())));
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
                    .map(estimate -> judged(candidate, estimate, rowAlpha, holmWorse, note))
                    .orElseGet(() -> new Change(candidate.base().length, candidate.next().length, mean(candidate.base()),
                            mean(candidate.next()), GeometricMeanRatio.pointOnly(candidate.shiftedBase(),
                            candidate.shiftedNext()), Verdict.UNDECIDED, note));
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

    private static Change judged(Candidate candidate, Estimate estimate, double rowAlpha, boolean holmWorse, String note) {
        Direction direction = candidate.direction();
        double threshold = Math.log1p(candidate.thresholdPct() / 100);
        double worse = estimate.worseLogChange(direction);
        GeometricMeanRatio interval = estimate.interval(rowAlpha);
        double worseLow = direction == Direction.LOWER_IS_BETTER ? Math.log(interval.low()) : -Math.log(interval.high());
        double worseHigh = direction == Direction.LOWER_IS_BETTER ? Math.log(interval.high()) : -Math.log(interval.low());
        boolean significantlyWorse = candidate.gated() ? holmWorse : estimate.pWorse(direction) <= rowAlpha;
        Verdict verdict;
        if (significantlyWorse) {
            verdict = worse >= threshold ? Verdict.SLOWER : Verdict.SLOWER_UNDER_THRESHOLD;
        } else if (worseHigh < 0) {
            verdict = worse <= -threshold ? Verdict.FASTER : Verdict.FASTER_UNDER_THRESHOLD;
        } else if (worseLow > -threshold && worseHigh < threshold) {
            verdict = Verdict.UNCHANGED;
        } else {
            verdict = Verdict.UNDECIDED;
        }
        return new Change(candidate.base().length, candidate.next().length, mean(candidate.base()),
                mean(candidate.next()), interval, verdict, floorNote(candidate, note));
    }

    /** A floored metric's change is of {@code value + floor}, which the table must say. */
    private static String floorNote(Candidate candidate, String note) {
        if (candidate.floor() == 0) {
            return note;
        }
        String floor = "change of value + " + Numbers.plain(candidate.floor()) + " " + candidate.unit();
        return note.isEmpty() ? floor : note + "; " + floor;
    }

    /** Why these fork scores cannot form a ratio, if they cannot. */
    private static Optional<String> whyUnusable(Candidate candidate, boolean paired) {
        for (String side : List.of("base", "new")) {
            double[] scores = side.equals("base") ? candidate.shiftedBase() : candidate.shiftedNext();
            if (scores.length < MIN_SAMPLES) {
                return Optional.of(scores.length + (paired ? " paired round(s)" : " fork(s) in " + side)
                        + ": nothing can be decided from fewer than " + MIN_SAMPLES);
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
