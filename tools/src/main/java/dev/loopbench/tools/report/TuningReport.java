package dev.loopbench.tools.report;

import dev.loopbench.tools.results.LoopOptionsParam;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.text.Table;
import dev.loopbench.tools.tune.ParetoFrontier;
import dev.loopbench.tools.tune.Recommendation;
import dev.loopbench.tools.tune.TuningPoint;
import dev.loopbench.tools.tune.TuningResults;
import org.knowm.xchart.BitmapEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A tuning run's report: {@code tune.md} with, per offered rate, the latency-CPU chart and a table of every
 * setting (the Pareto frontier's numbered), then the recommendation for a CPU budget with the command that
 * measures it again and the code that builds it.
 */
public final class TuningReport {

    public static final String MARKDOWN_FILE = "tune.md";

    private static final String HOW_TO_READ = "Each chart is one offered rate: a dot per setting, its one-way latency "
            + "(from the intended send slot to the task's start, p50 and p99) against the CPU its loop thread used "
            + "(1 is a whole core). Lower is faster, further left is cheaper. The lines join the Pareto frontier, "
            + "the settings nothing beats on both; every setting off it is slower than one on it that costs no more. "
            + "Settings that could not keep up with the rate are listed but not plotted.";

    /**
     * One rate's chart data: every setting's point, numbered by CPU so that chart and table name them alike, and
     * the two frontiers.
     */
    record RateChart(String title, String fileName, List<TuningPoint> points, List<TuningPoint> p50Frontier,
                     List<TuningPoint> p99Frontier) {

        int numberOf(TuningPoint point) {
            return points.indexOf(point) + 1;
        }

        /** The points that can be placed: those that kept up and whose CPU was measured. */
        List<TuningPoint> plotted() {
            return points.stream().filter(TuningPoint::comparable).toList();
        }

        /**
         * The plotted points by the value of their first option, the one a provider declares first because it
         * matters most (the idle or wait strategy), so the chart shows each strategy's settings in one colour.
         */
        Map<String, List<TuningPoint>> p99ByStrategy() {
            return plotted().stream().collect(Collectors.groupingBy(point -> LoopOptionsParam.decode(point.setting())
                            .entrySet().stream().findFirst().map(option -> option.getKey() + "=" + option.getValue())
                            .orElse("defaults"), LinkedHashMap::new, Collectors.toList()));
        }
    }

    private TuningReport() {
    }

    /** Writes {@code tune.md} and a chart per rate into {@code outDir}; returns the markdown file. */
    public static Path write(TuningResults results, Recommendation recommendation, String source, Path outDir)
            throws IOException {
        Files.createDirectories(outDir);
        StringBuilder markdown = new StringBuilder(String.format(Locale.ROOT, "# Tuning %s%n%nFrom `%s`. %s%n%n",
                results.implementation(), source, HOW_TO_READ));
        for (RateChart rate : charts(results)) {
            markdown.append("## ").append(rate.title()).append("\n\n");
            if (rate.plotted().isEmpty()) {
                markdown.append("No chart: no setting kept up with this rate with its CPU measured.\n\n");
            } else {
                Files.write(outDir.resolve(rate.fileName()),
                        BitmapEncoder.getBitmapBytes(Charts.frontier(rate), BitmapEncoder.BitmapFormat.PNG));
                markdown.append("![").append(rate.title()).append("](").append(rate.fileName()).append(")\n\n");
            }
            markdown.append(table(rate).toMarkdown()).append('\n');
        }
        markdown.append("## Recommendation\n\n```\n").append(recommendationText(results, recommendation)).append("```\n");
        Path file = outDir.resolve(MARKDOWN_FILE);
        Files.writeString(file, markdown);
        return file;
    }

    static List<RateChart> charts(TuningResults results) {
        List<RateChart> charts = new ArrayList<>();
        results.pointsByRate().forEach((rate, points) -> {
            List<TuningPoint> byCpu = points.stream()
                    .sorted(Comparator.comparing(TuningPoint::comparable).reversed()
                            .thenComparingDouble(TuningPoint::loopCpu).thenComparingDouble(TuningPoint::p99Micros))
                    .toList();
            charts.add(new RateChart(String.format(Locale.ROOT, "%s at %,d sends/s: one-way latency against loop CPU",
                    results.implementation(), rate),
                    String.format(Locale.ROOT, "tune-%s-%d-per-second.png", results.implementation(), rate),
                    byCpu, ParetoFrontier.of(byCpu, ParetoFrontier.P50), ParetoFrontier.of(byCpu, ParetoFrontier.P99)));
        });
        return charts;
    }

    private static Table table(RateChart rate) {
        Table table = new Table("#", "setting", "p50 µs", "p99 µs", "loop CPU (cores)", "p99 frontier", "note");
        for (TuningPoint point : rate.points()) {
            table.add(Integer.toString(rate.numberOf(point)), point.setting().isEmpty() ? "(defaults)" : point.setting(),
                    Numbers.score(point.p50Micros()), Numbers.score(point.p99Micros()),
                    Double.isFinite(point.loopCpu()) ? Numbers.score(point.loopCpu()) : "not measured",
                    rate.p99Frontier().contains(point) ? "yes" : "",
                    point.keptUp() ? "" : String.format(Locale.ROOT, "fell behind: %,.0f sends/s", point.achievedRate()));
        }
        return table;
    }

    /** The recommendation in words, with the command that measures it again and the code that builds it. */
    public static String recommendationText(TuningResults results, Recommendation recommendation) {
        String budget = Numbers.score(recommendation.cpuBudget());
        if (recommendation.setting().isEmpty()) {
            return "No setting kept up with every rate within " + budget + " of a core for the loop thread"
                    + recommendation.cheapest().map(cheapest -> "; the cheapest, " + cheapest.getKey() + ", needs "
                    + Numbers.score(cheapest.getValue()) + " cores").orElse("") + ".\n";
        }
        String setting = recommendation.setting().get();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "For a loop-thread CPU budget of %s cores: %s%n", budget, setting.isEmpty() ? "the defaults" : setting));
        recommendation.points().values().stream().sorted(Comparator.comparingInt(TuningPoint::offeredRate))
                .forEach(point -> text.append(String.format(Locale.ROOT, "  at %,7d sends/s: p50 %s µs, p99 %s µs, loop CPU %s cores%n",
                        point.offeredRate(), Numbers.score(point.p50Micros()), Numbers.score(point.p99Micros()),
                        Numbers.score(point.loopCpu()))));
        String rates = results.pointsByRate().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        text.append("measure it again: scripts/bench.sh OneWayLatency -p impl=").append(results.implementation())
                .append(" -p 'loopOptions=").append(setting).append("' -p sendsPerSecond=").append(rates).append('\n');
        text.append("build it: EventLoopRegistry.builder(\"").append(results.implementation()).append("\")");
        LoopOptionsParam.decode(setting).forEach((key, value) ->
                text.append(".option(\"").append(key).append("\", \"").append(value).append("\")"));
        return text.append(".build()\n").toString();
    }
}
