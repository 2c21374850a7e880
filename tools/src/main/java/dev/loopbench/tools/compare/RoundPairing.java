package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.RoundSchedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Pairs the forks of a row by the round they ran in, as the run's schedule records it: fork {@code i} of a row in
 * a side's JSON ran in the {@code i}-th round in which that side's fork of the row succeeded. A fork that failed
 * on one side drops that round's pair, and the pair says so; without a schedule, forks pair by position.
 *
 * @param schedule the A/B run's schedule
 * @param baseSide the schedule's name of the base run's side
 * @param newSide  the schedule's name of the new run's side
 */
public record RoundPairing(RoundSchedule schedule, String baseSide, String newSide) {

    /** Fork scores of one metric on both sides, aligned by round, and what was left out. */
    record Pairs(double[] base, double[] next, String note) {
    }

    /**
     * The pairing of an A/B schedule for a base and a new JSON: the sides whose files have their names, else the
     * sides named {@code base} and {@code head}.
     */
    public static Optional<RoundPairing> of(RoundSchedule schedule, String baseFile, String newFile) {
        Optional<String> base = side(schedule, baseFile, "base");
        Optional<String> next = side(schedule, newFile, "head");
        return base.isPresent() && next.isPresent() && !base.equals(next)
                ? Optional.of(new RoundPairing(schedule, base.get(), next.get())) : Optional.empty();
    }

    private static Optional<String> side(RoundSchedule schedule, String file, String byName) {
        String fileName = Path.of(file).getFileName().toString();
        return schedule.sides().entrySet().stream()
                .filter(side -> Path.of(side.getValue()).getFileName().toString().equals(fileName))
                .map(Map.Entry::getKey).findFirst()
                .or(() -> schedule.sides().containsKey(byName) ? Optional.of(byName) : Optional.empty());
    }

    /**
     * {@code base} and {@code next}, the fork scores of {@code key} on each side, kept for the rounds both have;
     * empty when the schedule's record of the row does not match the JSONs' fork counts.
     */
    Optional<Pairs> pair(BenchmarkKey key, double[] base, double[] next) {
        int[] baseRounds = schedule.roundsOf(baseSide, key);
        int[] newRounds = schedule.roundsOf(newSide, key);
        if (baseRounds.length != base.length || newRounds.length != next.length) {
            return Optional.empty();
        }
        List<Double> pairedBase = new ArrayList<>();
        List<Double> pairedNext = new ArrayList<>();
        for (int i = 0; i < baseRounds.length; i++) {
            int j = indexOf(newRounds, baseRounds[i]);
            if (j >= 0) {
                pairedBase.add(base[i]);
                pairedNext.add(next[j]);
            }
        }
        String note = dropped("only in base", baseRounds, newRounds) + dropped("only in new", newRounds, baseRounds);
        return Optional.of(new Pairs(pairedBase.stream().mapToDouble(Double::doubleValue).toArray(),
                pairedNext.stream().mapToDouble(Double::doubleValue).toArray(),
                note.isEmpty() ? "" : "unpaired round(s)" + note + " (a fork failed; see the schedule)"));
    }

    private static String dropped(String where, int[] rounds, int[] others) {
        String missing = Arrays.stream(rounds).filter(round -> indexOf(others, round) < 0)
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
        return missing.isEmpty() ? "" : " " + missing + " " + where;
    }

    private static int indexOf(int[] rounds, int round) {
        return IntStream.range(0, rounds.length).filter(i -> rounds[i] == round).findFirst().orElse(-1);
    }
}
