package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupDriftTest {

    @Test
    void theDriftIsTheMedianOverForksOfTheFirstIterationAgainstTheLast() {
        Metric chain = metric(List.of(List.of(65.0, 90.0, 100.0), List.of(80.0, 95.0, 100.0), List.of(99.0, 100.0, 100.0)));

        assertEquals(-0.20, WarmupDrift.of(chain).getAsDouble(), 1e-9);
    }

    @Test
    void aRowWithoutTwoIterationsOrWithAZeroLastHasNoDrift() {
        assertTrue(WarmupDrift.of(metric(List.of(List.of(5.0)))).isEmpty());
        assertTrue(WarmupDrift.of(metric(List.of(List.of(5.0, 0.0)))).isEmpty());
    }

    @Test
    void onlyRowsThatDriftedMoreThanTwoPercentEitherWayAreNoted() {
        List<BenchmarkResult> rows = List.of(
                row("ChainThroughput.chain", List.of(List.of(70.0, 100.0), List.of(80.0, 100.0))),
                row("RoundTripLatency.roundTrip", List.of(List.of(10.1, 10.0), List.of(9.9, 10.0))),
                row("WakeupLatency.roundTripAfterGap", List.of(List.of(13.0, 10.0), List.of(14.0, 10.0))));

        List<String> notes = WarmupDrift.notes(rows);

        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("ChainThroughput.chain impl=mpsc (thrpt): first measurement iteration -25.0%"
                + " from the last (median over 2 fork(s))"), notes.get(0));
        assertTrue(notes.get(1).contains("+35.0%"), notes.get(1));
    }

    @Test
    void theSummaryCarriesTheNotes() {
        RunSummary summary = RunSummarizer.summarize(List.of(row("ChainThroughput.chain", List.of(List.of(70.0, 100.0)))));

        assertTrue(summary.notes().stream().anyMatch(note -> note.contains("still warming up")), summary.notes().toString());
    }

    private static BenchmarkResult row(String benchmark, List<List<Double>> rawData) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("impl", "mpsc");
        return new BenchmarkResult(new BenchmarkKey("dev.loopbench.bench.x." + benchmark, "thrpt", params),
                metric(rawData), new TreeMap<>());
    }

    private static Metric metric(List<List<Double>> rawData) {
        return new Metric(1, Double.NaN, "ops/s", rawData);
    }
}
