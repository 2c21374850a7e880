package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunMetadata;
import dev.loopbench.tools.text.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline table of a run ({@code results/README.md} shows the baseline's): a few figures of a
 * {@link RunSummary}, one row each, with the loops side by side as columns, each cell the run's score (the mean of its forks' values; {@code hdr.*} are each fork's pooled
 * percentiles), the best loop in bold where "best" means something and its forks all beat the others' (a lead
 * within the fork-to-fork spread is none). The one-way latency is headlined from the producer's {@code execute()}
 * call, beside the sender's own lateness (actual send time minus intended slot), which the intended-slot figures
 * add and which is not the loop's. The figures, their best marks and the
 * "not counted" of loops that cannot count are the summary's; this only picks rows and lays them out, so that the
 * stored figures are read from the run, never typed.
 */
public final class HeadlineTable {

    /**
     * The rows, one a line: the label; the figure, picked by benchmark ({@code Class.method}), mode, the parameters
     * it must have ({@code k=v} separated by spaces, {@code -} for none; other parameters may be anything) and
     * metric; how its value is shown (a {@link Shown}); and whether the best loop is bold ({@code best}), which is
     * not for counts and shares, which have no better way, nor for the sender's lateness, which is not the loop's.
     */
    private static final String ROWS_TABLE = """
            round trip to an awake loop, one-way p50 (µs) | WakeupLatency.roundTripAfterGap | avgt | idleGapMicros=0 | hdr.p50 | MICROS | best
            wakeup after 1 ms idle, one-way p50 (µs) | WakeupLatency.roundTripAfterGap | avgt | idleGapMicros=1000 | hdr.p50 | MICROS | best
            loop wakeups per task after 1 ms idle | WakeupLatency.roundTripAfterGap | avgt | idleGapMicros=1000 | wakeups.per.op | HUNDREDTHS | -
            loop CPU per wakeup after 1 ms idle (µs) | WakeupLatency.roundTripAfterGap | avgt | idleGapMicros=1000 | cpu.loop.ns.per.op | NANOS_AS_MICROS | best
            one-way p50 at 5,000/s from execute() (µs) | OneWayLatency.fixedRate | thrpt | sendsPerSecond=5000 | hdr.fromExecute.p50 | MICROS | best
            the sender's lateness beside it, p50 (µs) | OneWayLatency.fixedRate | thrpt | sendsPerSecond=5000 | hdr.lateness.p50 | MICROS | -
            one-way p99 at 5,000/s from execute() (µs) | OneWayLatency.fixedRate | thrpt | sendsPerSecond=5000 | hdr.fromExecute.p99 | WHOLE | best
            the sender's lateness beside it, p99 (µs) | OneWayLatency.fixedRate | thrpt | sendsPerSecond=5000 | hdr.lateness.p99 | WHOLE | -
            `submit().join()` round trip, parking caller, p50 (µs) | RoundTripLatency.roundTrip | avgt | producerWait=park | hdr.p50 | MICROS | best
            the same, round trips that found the loop awake, p50 (µs) | RoundTripLatency.roundTrip | avgt | producerWait=park | hdr.awakeLoop.p50 | MICROS | best
            the same, round trips that woke the loop, p50 (µs) | RoundTripLatency.roundTrip | avgt | producerWait=park | hdr.wokenLoop.p50 | MICROS | best
            chain depth 4 (k ops/s) | ChainThroughput.chain | thrpt | depth=4 | score | THOUSANDS | best
            offload round trip (k ops/s) | OffloadThroughput.loopToPoolAndBack | thrpt | - | score | THOUSANDS | best
            1-producer burst (k tasks/s) | BurstThroughput.from1Producer | thrpt | - | score | THOUSANDS | best
            1-producer burst: loop's share of a CPU | BurstThroughput.from1Producer | thrpt | - | cpu.loop.share | HUNDREDTHS | -
            """;

    /** How a value is shown: a factor on the suite's own unit (docs/results-format.md), then a format. */
    enum Shown {
        /** Microseconds, from the {@code hdr.*} metrics' {@code us}, to a tenth. */
        MICROS(1, "%.1f"),
        /** The same, whole and grouped by thousands, for tails. */
        WHOLE(1, "%,.0f"),
        /** Microseconds from the {@code cpu.*} metrics' {@code ns/op}, to a tenth. */
        NANOS_AS_MICROS(0.001, "%.1f"),
        /** Thousands per second from {@code ops/s}, grouped. */
        THOUSANDS(0.001, "%,.0f"),
        /** A count or share as it is, to a hundredth. */
        HUNDREDTHS(1, "%.2f");

        private final double scale;
        private final String format;

        Shown(double scale, String format) {
            this.scale = scale;
            this.format = format;
        }

        String show(double value) {
            return String.format(Locale.ROOT, format, value * scale);
        }
    }

    /** One row of {@link #ROWS_TABLE}. */
    record Row(String label, String benchmark, String mode, Map<String, String> params, String metric, Shown shown,
               boolean marksBest) {

        private static final String SEPARATOR = "\\s*\\|\\s*";
        private static final String BEST = "best";

        static Row parse(String line) {
            String[] cells = line.strip().split(SEPARATOR);
            if (cells.length != 7) {
                throw new IllegalArgumentException("a headline row has 7 cells separated by |, not: " + line);
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (!cells[3].equals("-")) {
                for (String param : cells[3].split("\\s+")) {
                    String[] nameValue = param.split("=", 2);
                    params.put(nameValue[0], nameValue[1]);
                }
            }
            return new Row(cells[0], cells[1], cells[2], Map.copyOf(params), cells[4], Shown.valueOf(cells[5]),
                    cells[6].equals(BEST));
        }
    }

    static final List<Row> ROWS = ROWS_TABLE.lines().map(Row::parse).toList();

    /** The cell of a figure the run did not measure. */
    private static final String NOT_IN_RUN = "–";

    /** {@code -p impl=a,b,c} in the run's JMH arguments: the order the loops were asked for. */
    private static final Pattern IMPL_ARGUMENT = Pattern.compile("-p\\s+'?impl=([^\\s']+)");

    private HeadlineTable() {
    }

    /** The table of {@code run} as markdown; the loops in the order its metadata asked for them, else as measured. */
    public static String toMarkdown(Run run) {
        return of(RunSummarizer.summarize(run.results()), impls(run)).toMarkdown();
    }

    static Table of(RunSummary summary, List<String> impls) {
        List<String> headers = new ArrayList<>(List.of("figure"));
        impls.forEach(impl -> headers.add(impl + ">"));
        Table table = new Table(headers.toArray(String[]::new));
        for (Row row : ROWS) {
            Optional<Figure> figure = summary.figures().stream().filter(f -> picks(row, f)).findFirst();
            List<String> cells = new ArrayList<>(List.of(row.label()));
            for (String impl : impls) {
                cells.add(figure.map(f -> cell(row, score(f, impl))).orElse(NOT_IN_RUN));
            }
            table.add(cells.toArray(String[]::new));
        }
        return table;
    }

    private static ImplScore score(Figure figure, String impl) {
        return figure.impls().stream().filter(score -> score.impl().equals(impl)).findFirst().orElse(null);
    }

    private static boolean picks(Row row, Figure figure) {
        BenchmarkKey key = figure.key().benchmark();
        return key.simpleName().equals(row.benchmark()) && key.mode().equals(row.mode())
                && figure.key().metric().equals(row.metric())
                && row.params().entrySet().stream().allMatch(p -> p.getValue().equals(key.params().get(p.getKey())));
    }

    /**
     * A loop without a value in a figure the run has says why, in the summary's words: a metric it lacks is one it
     * cannot count (the round trips filed by whether they woke the loop), a NaN says what {@link SummaryTable} says.
     */
    private static String cell(Row row, ImplScore score) {
        if (score == null) {
            return SummaryTable.NOT_COUNTED;
        }
        if (Double.isNaN(score.metric().score())) {
            return SummaryTable.noValue(row.metric());
        }
        String value = row.shown().show(score.metric().score());
        return row.marksBest() && score.best() ? "**" + value + "**" : value;
    }

    /** The loops the metadata's {@code -p impl=} names, then any others in the order the run measured them. */
    static List<String> impls(Run run) {
        Set<String> impls = new LinkedHashSet<>();
        run.metadata().map(RunMetadata::jmhArgs).map(IMPL_ARGUMENT::matcher).filter(Matcher::find)
                .ifPresent(found -> impls.addAll(List.of(found.group(1).split(","))));
        run.results().forEach(result -> Optional.ofNullable(result.key().params().get(RunSummarizer.IMPL_PARAM))
                .ifPresent(impls::add));
        return List.copyOf(impls);
    }
}
