package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Metric;
import dev.loopbench.tools.results.Run;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate's error rates on simulated A/B runs with the noise this machine shows: a drift per round that falls on
 * both sides of the pair alike (the same jar ran 11 us and then 80 us minutes apart), an independent regime per
 * fork (thread placement, JIT), and iteration noise within a fork. Seeds are fixed, so the rates are exact for
 * these draws and the bounds cannot flake.
 */
class GateErrorRatesTest {

    private static final int ROWS = 8;
    private static final String OWN_CPU = "cpu.loop.own.ns.per.op";
    private static final double ROUND_DRIFT = 0.30;
    private static final double FORK_NOISE = 0.10;
    private static final double ITERATION_NOISE = 0.05;
    private static final double NOMINAL = ComparisonSettings.DEFAULT_FAMILY_ALPHA;

    @Test
    void aaRunsFailTheGateAtMostAtTheNominalRate() {
        double rate = gateFailureRate(1, 1000, 8, 1.0);
        // 1,000 runs estimate the rate to about ±0.007 (one standard error at 5%)
        assertTrue(rate <= NOMINAL + 0.01, "A/A false-alarm rate " + rate + " above the nominal " + NOMINAL);
    }

    @Test
    void aKnownSlowdownOfOneRowIsCaught() {
        double power = gateFailureRate(2, 300, 20, 1.15);
        assertTrue(power >= 0.8, "a 15% slowdown of one row in 20 rounds was caught in only " + power + " of runs");
    }

    /** The share of simulated gate runs (threshold 5%, one look) that fail, the first row slowed by the factor. */
    private static double gateFailureRate(long seed, int trials, int rounds, double firstRowSlowdown) {
        Random random = new Random(seed);
        ComparisonSettings settings = paired(5);
        int failures = 0;
        for (int trial = 0; trial < trials; trial++) {
            List<Run> pair = aaPair(random, rounds, firstRowSlowdown);
            failures += RunComparator.compare(pair.get(0), pair.get(1), settings).gateFails() ? 1 : 0;
        }
        return (double) failures / trials;
    }

    @Test
    void holmKeepsTheFamilyRateWherePerRowTestsWouldNot() {
        Random random = new Random(3);
        // a tiny threshold, so that only the significance test stands between noise and a "slower"
        ComparisonSettings settings = paired(0.01);
        int trials = 600;
        int familyAlarms = 0;
        int perRowAlarms = 0;
        for (int trial = 0; trial < trials; trial++) {
            List<Run> pair = aaPair(random, 8, 1.0);
            familyAlarms += RunComparator.compare(pair.get(0), pair.get(1), settings).hasRegression() ? 1 : 0;
            boolean anyRowAlone = false;
            for (int row = 0; row < ROWS; row++) {
                anyRowAlone |= RunComparator.compare(onlyRow(pair.get(0), row), onlyRow(pair.get(1), row), settings)
                        .hasRegression();
            }
            perRowAlarms += anyRowAlone ? 1 : 0;
        }
        double familyRate = (double) familyAlarms / trials;
        double perRowRate = (double) perRowAlarms / trials;
        assertTrue(familyRate <= NOMINAL + 0.01, "Holm's family-wise rate " + familyRate);
        assertTrue(perRowRate > 2 * NOMINAL, "per-row testing should exceed the nominal rate, was " + perRowRate);
    }

    @Test
    void repeatedLooksOfASequentialRunKeepTheNominalRate() {
        Random random = new Random(4);
        int[] looks = {4, 6, 9, 14, 21, 30};
        ComparisonSettings settings = paired(5);
        int trials = 400;
        int alarms = 0;
        for (int trial = 0; trial < trials; trial++) {
            List<Run> full = aaPair(random, looks[looks.length - 1], 1.0);
            double spent = 0;
            for (int rounds : looks) {
                double level = AlphaSpending.lookLevel(NOMINAL, spent, rounds / 30.0, rounds == 30);
                spent += level;
                RunComparison look = RunComparator.compare(firstRounds(full.get(0), rounds), firstRounds(full.get(1), rounds),
                        settings.atLevel(level));
                if (look.gateFails()) {
                    alarms++;
                    break;
                }
                if (!look.needsMoreRounds()) {
                    break;
                }
            }
        }
        double rate = (double) alarms / trials;
        assertTrue(rate <= NOMINAL, "false-alarm rate over " + looks.length + " looks, spending alpha, was " + rate);
    }

    private static ComparisonSettings paired(double thresholdPct) {
        return ComparisonSettings.paired(Thresholds.uniform(thresholdPct));
    }

    /** Base and head runs of {@link #ROWS} rows of a gated cost, the head's first row slowed by the factor given. */
    private static List<Run> aaPair(Random random, int rounds, double firstRowSlowdown) {
        List<List<List<Double>>> base = new ArrayList<>();
        List<List<List<Double>>> head = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            base.add(new ArrayList<>());
            head.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            double drift = Math.exp(ROUND_DRIFT * random.nextGaussian());
            for (int row = 0; row < ROWS; row++) {
                base.get(row).add(fork(random, 1000 * drift));
                head.get(row).add(fork(random, 1000 * drift * (row == 0 ? firstRowSlowdown : 1)));
            }
        }
        return List.of(run("base", base), run("head", head));
    }

    private static List<Double> fork(Random random, double mean) {
        double regime = mean * Math.exp(FORK_NOISE * random.nextGaussian());
        List<Double> iterations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            iterations.add(regime * Math.exp(ITERATION_NOISE * random.nextGaussian()));
        }
        return iterations;
    }

    private static Run run(String name, List<List<List<Double>>> rows) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            BenchmarkKey key = new BenchmarkKey("dev.loopbench.bench.throughput.Sim.row" + row, "thrpt", new TreeMap<>(Map.of("impl", "mpsc")));
            Metric cost = new Metric(1000, Double.NaN, "ns/op", rows.get(row));
            results.add(new BenchmarkResult(key, new Metric(1, Double.NaN, "ops/s", List.of(List.of(1.0))),
                    new TreeMap<>(Map.of(OWN_CPU, cost))));
        }
        return new Run(name, results, Optional.empty());
    }

    private static Run onlyRow(Run run, int row) {
        return new Run(run.source(), List.of(run.results().get(row)), run.metadata());
    }

    private static Run firstRounds(Run run, int rounds) {
        return new Run(run.source(), run.results().stream().map(result -> {
            Metric cost = result.secondaryMetrics().get(OWN_CPU);
            return new BenchmarkResult(result.key(), result.primaryMetric(), new TreeMap<>(Map.of(OWN_CPU,
                    new Metric(cost.score(), Double.NaN, cost.unit(), cost.rawData().subList(0, rounds)))));
        }).toList(), run.metadata());
    }
}
