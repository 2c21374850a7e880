package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the gate judges: the metrics a loop change moves, one line each, in one table. A metric a run lacks (an
 * older JSON) is not compared. {@code docs/statistics.md} says why each is here and what was left out.
 */
public final class GatedMetrics {

    /**
     * One line per gated metric: the benchmark ({@code Class.method}, or {@code *} for every row), the parameters
     * the row must have ({@code k=v} separated by spaces, {@code -} for none), the metric, its own threshold in
     * percent ({@code -}: the benchmark's, from the thresholds file; a number: this metric's default, which the
     * file overrides with {@code metric.NAME = PCT}), its absolute floor in the metric's unit ({@code -} for none:
     * a metric that may be zero is compared as {@code value + floor}, so that zeros have a ratio and a change
     * smaller than the floor stays small), and a metric that replaces it where a row has both ({@code -} for none).
     */
    private static final String TABLE = """
            * | - | cpu.loop.own.ns.per.op | - | 100 | -
            * | - | cpu.loop.ns.per.op | - | - | cpu.loop.own.ns.per.op
            * | - | alloc.loop.bytes.per.op | 2 | 16 | -
            * | - | alloc.producers.bytes.per.op | 2 | 16 | -
            WakeupLatency.roundTripAfterGap | idleGapMicros=0 | hdr.p50 | - | - | -
            OneWayLatency.fixedRate | - | hdr.fromExecute.p50 | - | - | -
            OneWayLatency.fixedRate | - | hdr.fromExecute.p90 | - | - | -
            RoundTripLatency.roundTrip | - | hdr.awakeLoop.p50 | - | - | -
            RoundTripLatency.roundTrip | - | hdr.wokenLoop.p50 | - | - | -
            RoundTripLatency.roundTrip | - | wokenLoop.share | - | 0.05 | -
            """;

    /** The prefix of a metric's own threshold in the thresholds file: {@code metric.alloc.loop.bytes.per.op = 3}. */
    public static final String METRIC_KEY_PREFIX = "metric.";

    /** One line of {@link #TABLE}. */
    record Line(String benchmark, Map<String, String> params, String metric, OptionalDouble thresholdPct,
                OptionalDouble floor, Optional<String> replacedBy) {

        private static final String ANY = "*";
        private static final String NONE = "-";

        static Line parse(String text) {
            String[] cells = text.strip().split("\\s*\\|\\s*");
            if (cells.length != 6) {
                throw new IllegalArgumentException("a gated metric's line has 6 cells separated by |, not: " + text);
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (!cells[1].equals(NONE)) {
                for (String param : cells[1].split("\\s+")) {
                    String[] nameValue = param.split("=", 2);
                    params.put(nameValue[0], nameValue[1]);
                }
            }
            return new Line(cells[0], Map.copyOf(params), cells[2], number(cells[3]), number(cells[4]),
                    cells[5].equals(NONE) ? Optional.empty() : Optional.of(cells[5]));
        }

        boolean covers(BenchmarkResult row) {
            BenchmarkKey key = row.key();
            return (benchmark.equals(ANY) || benchmark.equals(key.simpleName()))
                    && params.entrySet().stream().allMatch(p -> p.getValue().equals(key.params().get(p.getKey())))
                    && row.metric(metric).isPresent()
                    && replacedBy.flatMap(row::metric).isEmpty();
        }

        private static OptionalDouble number(String cell) {
            return cell.equals(NONE) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
        }
    }

    static final List<Line> LINES = TABLE.lines().map(Line::parse).toList();

    /** How one gated metric of one row is judged. */
    record Rule(String metric, double thresholdPct, double floor) {
    }

    private GatedMetrics() {
    }

    /** The gated metrics of {@code row} that it has, with their thresholds and floors (0 for none). */
    static List<Rule> of(BenchmarkResult row, Thresholds thresholds) {
        return LINES.stream().filter(line -> line.covers(row))
                .map(line -> new Rule(line.metric(), thresholds.metricPct(line.metric())
                        .orElse(line.thresholdPct().orElse(thresholds.pctFor(row.key()))), line.floor().orElse(0)))
                .toList();
    }

    /** Every line as {@code metric} or {@code metric (Class.method k=v)}, for the method's summary. */
    public static List<String> names() {
        return LINES.stream().map(line -> line.metric() + (line.benchmark().equals(Line.ANY) ? ""
                : " (" + line.benchmark() + (line.params().isEmpty() ? "" : " " + BenchmarkKey.paramsLabel(
                new TreeMap<>(line.params()))) + ")")).toList();
    }
}
