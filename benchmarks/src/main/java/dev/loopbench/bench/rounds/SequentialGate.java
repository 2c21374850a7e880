package dev.loopbench.bench.rounds;

import dev.loopbench.tools.compare.ComparisonSettings;
import dev.loopbench.tools.compare.MetricComparison;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;
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
 * Stops an A/B run as soon as every gated metric has a verdict: after {@code minRounds}, it looks at the paired
 * comparison at rounds that grow by half each time (4, 6, 9, 14, 21, 30), and no more often, because every look
 * spends part of the gate's false-alarm rate ({@link ComparisonSettings#maxLooks()}): few, spaced looks leave
 * each one more power than a look after every round would.
 */
public final class SequentialGate implements StoppingRule {

    private final Path baseJson;
    private final Path headJson;
    private final List<Integer> looks;
    private final ComparisonSettings settings;
    private final PrintStream progress;
    /** The round at which each gated metric first had a verdict, for the closing report. */
    private final Map<String, Integer> decidedAt = new LinkedHashMap<>();

    public SequentialGate(Path baseJson, Path headJson, int minRounds, int maxRounds, Thresholds thresholds,
                          PrintStream progress) {
        this.baseJson = baseJson;
        this.headJson = headJson;
        this.looks = lookRounds(minRounds, maxRounds);
        this.settings = new ComparisonSettings(true, thresholds, ComparisonSettings.DEFAULT_FAMILY_ALPHA, looks.size());
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

    /** How many looks the run may take: the compare command needs it to judge the final data alike. */
    public int maxLooks() {
        return looks.size();
    }

    @Override
    public Optional<String> stopAfter(int roundsDone, Duration elapsed) {
        if (!looks.contains(roundsDone)) {
            return Optional.empty();
        }
        RunComparison comparison;
        try {
            comparison = RunComparator.compare(RunReader.read(baseJson), RunReader.read(headJson), settings);
        } catch (ResultFileException e) {
            return Optional.of("the results cannot be read: " + e.getMessage());
        }
        List<String> undecided = new ArrayList<>();
        for (MetricComparison metric : comparison.comparisons()) {
            String name = metric.key().label() + " " + metric.metric();
            if (metric.gated() && metric.change().verdict().decided()) {
                decidedAt.putIfAbsent(name, roundsDone);
            } else if (metric.gated()) {
                undecided.add(name);
            }
        }
        progress.printf("== look %d of %d after round %d: %d gated metric(s) decided, %d undecided%s%n",
                looks.indexOf(roundsDone) + 1, looks.size(), roundsDone, decidedAt.size(), undecided.size(),
                comparison.gateFails() ? "; the gate fails" : "");
        if (comparison.gateFails()) {
            return Optional.of("the gate fails at look " + (looks.indexOf(roundsDone) + 1) + " " + report(undecided));
        }
        if (!comparison.needsMoreRounds()) {
            return Optional.of("every gated metric is decided " + report(undecided));
        }
        if (roundsDone >= looks.get(looks.size() - 1)) {
            return Optional.of("the last look is taken " + report(undecided));
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
