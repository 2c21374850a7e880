package dev.loopbench.tools.compare;

import dev.loopbench.tools.text.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How often the gate said "slower", per scenario: A/A runs (the same build on both sides), whose rate is the gate's
 * false-alarm rate, or runs whose head had a slowdown injected, whose rate is the gate's power against it. Counted
 * for the gate as a whole (any gated metric slower) and for each gated metric on its own, so that a metric that
 * moves under no slowdown shows as such. {@code docs/statistics.md} says how the runs are made.
 *
 * @param scenarios the scenarios in the order given
 */
public record GatePower(List<Scenario> scenarios) {

    /**
     * One scenario's runs.
     *
     * @param name         what the head had, e.g. {@code aa} or {@code taskNanos=50}
     * @param runs         the runs judged
     * @param slower       runs in which some gated metric was slower
     * @param broken       runs whose head was broken (a failed fork, a missing row): neither a detection nor a pass
     * @param inconclusive runs that decided no gated metric
     * @param slowerRuns   per gated metric ({@code row label: metric}), the runs in which it was slower
     * @param judgedRuns   per gated metric, the runs in which it was judged at all
     */
    public record Scenario(String name, int runs, int slower, int broken, int inconclusive,
                           Map<String, Integer> slowerRuns, Map<String, Integer> judgedRuns) {
    }

    public GatePower {
        scenarios = List.copyOf(scenarios);
    }

    /** Counts the verdicts of each scenario's runs. */
    public static GatePower of(Map<String, List<RunComparison>> runsByScenario) {
        List<Scenario> scenarios = new ArrayList<>();
        runsByScenario.forEach((name, runs) -> {
            Map<String, Integer> slowerRuns = new TreeMap<>();
            Map<String, Integer> judgedRuns = new TreeMap<>();
            for (RunComparison run : runs) {
                for (MetricComparison metric : run.comparisons()) {
                    if (metric.gated()) {
                        String label = metric.key().label() + ": " + metric.metric();
                        judgedRuns.merge(label, 1, Integer::sum);
                        if (metric.change().verdict() == Verdict.SLOWER) {
                            slowerRuns.merge(label, 1, Integer::sum);
                        }
                    }
                }
            }
            scenarios.add(new Scenario(name, runs.size(),
                    (int) runs.stream().filter(RunComparison::hasRegression).count(),
                    (int) runs.stream().filter(run -> !run.broken().isEmpty()).count(),
                    (int) runs.stream().filter(RunComparison::inconclusive).count(),
                    slowerRuns, judgedRuns));
        });
        return new GatePower(scenarios);
    }

    /** The table: a row for the gate and one per gated metric, a column per scenario, each cell "k of n". */
    public Table table() {
        List<String> headers = new ArrayList<>(List.of("slower in"));
        scenarios.forEach(scenario -> headers.add(scenario.name() + ">"));
        Table table = new Table(headers.toArray(String[]::new));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put("the gate (any gated metric)", scenarios.stream()
                .map(scenario -> share(scenario.slower(), scenario.runs())).toList());
        rows.put("broken runs (not counted as slower)", scenarios.stream()
                .map(scenario -> share(scenario.broken(), scenario.runs())).toList());
        rows.put("inconclusive runs", scenarios.stream()
                .map(scenario -> share(scenario.inconclusive(), scenario.runs())).toList());
        TreeSet<String> metrics = new TreeSet<>();
        scenarios.forEach(scenario -> metrics.addAll(scenario.judgedRuns().keySet()));
        for (String metric : metrics) {
            rows.put(metric, scenarios.stream().map(scenario -> scenario.judgedRuns().containsKey(metric)
                    ? share(scenario.slowerRuns().getOrDefault(metric, 0), scenario.judgedRuns().get(metric))
                    : "–").toList());
        }
        rows.forEach((label, cells) -> {
            List<String> row = new ArrayList<>(List.of(label));
            row.addAll(cells);
            table.add(row.toArray(String[]::new));
        });
        return table;
    }

    private static String share(int count, int of) {
        return count + " of " + of;
    }
}
