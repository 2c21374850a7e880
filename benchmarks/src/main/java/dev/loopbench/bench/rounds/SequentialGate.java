package dev.loopbench.bench.rounds;

import dev.loopbench.tools.compare.AlphaSpending;
import dev.loopbench.tools.compare.ComparisonSettings;
import dev.loopbench.tools.compare.MetricComparison;
import dev.loopbench.tools.compare.RoundPairing;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.RunReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stops an A/B run as soon as every gated metric has a verdict, or when the budget or the rounds run out. After
 * {@code minRounds} it looks at the paired comparison at rounds that grow by half each time (4, 6, 9, 14, 21, 30),
 * and always at the last round the budget allows. Each look spends part of the gate's false-alarm rate by an
 * O'Brien-Fleming-type function of the rounds done over the rounds the budget is expected to reach
 * ({@link AlphaSpending}), and the last look spends the rest, so only the looks actually taken cost anything. The
 * schedule records each look and what it spent, so that the final comparison judges at the same level.
 * {@code docs/statistics.md} is the method. The looks only decide when to stop; {@code scripts/ab.sh} takes the
 * verdict from the base build's own comparison.
 */
public final class SequentialGate implements StoppingRule {

    private final Path baseJson;
    private final Path headJson;
    private final Path schedulePath;
    private final List<Integer> looks;
    private final int maxRounds;
    private final Duration budget;
    private final ComparisonSettings settings;
    private final ScheduleLog schedule;
    private final PrintStream progress;
    /** The round at which each gated metric first had a verdict, for the closing report. */
    private final Map<String, Integer> decidedAt = new LinkedHashMap<>();
    private double spent;
    private int looksTaken;

    /**
     * @param schedulePath where {@code schedule} writes the run's schedule, read back to pair forks by round
     */
    public SequentialGate(Path baseJson, Path headJson, Path schedulePath, int minRounds, int maxRounds,
                          Duration budget, Thresholds thresholds, ScheduleLog schedule, PrintStream progress) {
        this.baseJson = baseJson;
        this.headJson = headJson;
        this.schedulePath = schedulePath;
        this.looks = lookRounds(minRounds, maxRounds);
        this.maxRounds = maxRounds;
        this.budget = budget;
        this.settings = ComparisonSettings.paired(thresholds);
        this.schedule = schedule;
        this.progress = progress;
    }

    /** {@code min}, then half as many again each time, up to and including {@code max}. */
    static List<Integer> lookRounds(int min, int max) {
        List<Integer> rounds = new ArrayList<>();
        for (int round = min; round < max; round = Math.max(round + 1, (int) Math.ceil(round * 1.5))) {
            rounds.add(round);
        }
        rounds.add(max);
        return List.copyOf(rounds);
    }

    @Override
    public Optional<String> stopAfter(int roundsDone, Duration elapsed) {
        Optional<String> budgetSpent = StoppingRule.budgetSpent(roundsDone, elapsed, budget);
        boolean last = roundsDone >= maxRounds || budgetSpent.isPresent();
        if (!last && !looks.contains(roundsDone)) {
            return Optional.empty();
        }
        int horizon = Math.min(maxRounds, StoppingRule.roundsWithin(roundsDone, elapsed, budget));
        double level = AlphaSpending.lookLevel(settings.familyAlpha(), spent, (double) roundsDone / horizon, last);
        if (level <= 0) {
            return Optional.empty();
        }
        RunComparison comparison;
        try {
            RoundSchedule rounds = RoundSchedule.read(schedulePath);
            comparison = RunComparator.compare(RunReader.read(baseJson), RunReader.read(headJson),
                    settings.atLevel(level), RoundPairing.of(rounds, baseJson.toString(), headJson.toString()));
        } catch (ResultFileException e) {
            return Optional.of("the results cannot be read: " + e.getMessage());
        }
        spent += level;
        looksTaken++;
        schedule.look(roundsDone, level);
        List<String> undecided = new ArrayList<>();
        for (MetricComparison metric : comparison.comparisons()) {
            String name = metric.key().label() + " " + metric.metric();
            if (metric.gated() && metric.change().verdict().decided()) {
                decidedAt.putIfAbsent(name, roundsDone);
            } else if (metric.gated()) {
                undecided.add(name);
            }
        }
        progress.printf("== look %d after round %d (of about %d the budget allows), at %.3g%% of the gate's %s%%: "
                        + "%d gated metric(s) decided, %d undecided%s%n", looksTaken, roundsDone, horizon, level * 100,
                settings.familyAlpha() * 100, decidedAt.size(), undecided.size(),
                comparison.gateFails() ? "; the gate fails" : "");
        if (comparison.gateFails()) {
            return Optional.of("the gate fails at look " + looksTaken + " " + report(undecided));
        }
        if (!comparison.needsMoreRounds()) {
            return Optional.of("every gated metric is decided " + report(undecided));
        }
        if (last) {
            return Optional.of(budgetSpent.orElse("the last round is done") + " " + report(undecided));
        }
        return Optional.empty();
    }

    private String report(List<String> undecided) {
        StringBuilder text = new StringBuilder("(rounds each gated metric needed:");
        decidedAt.forEach((name, round) -> text.append("\n   ").append(round).append("  ").append(name));
        undecided.forEach(name -> text.append("\n   undecided  ").append(name));
        return text.append(')').toString();
    }
}
