package dev.loopbench.tools.report;

import dev.loopbench.tools.report.ReportModel.FigureChart;
import dev.loopbench.tools.report.ReportModel.LatencyChart;
import dev.loopbench.tools.report.ReportModel.LimitChart;
import dev.loopbench.tools.results.HistogramFileNames;
import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.MetricNames;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.FigureKey;
import dev.loopbench.tools.summary.LimitRatio;
import dev.loopbench.tools.summary.RunSummarizer;
import dev.loopbench.tools.summary.RunSummary;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the {@link ReportModel} of a run: summarises it, reads its pooled latency histograms, shapes every chart's
 * data, titles it and names its file. What cannot be charted (no histograms directory, an unreadable log, a figure
 * without a finite score) becomes a note, so that one missing piece never costs the whole report.
 */
final class ReportModelBuilder {

    /**
     * The parameter of an open-loop benchmark that fixes its send rate: its primary score is the rate achieved,
     * which every loop should just meet, so no loop is "best" at it.
     */
    static final String SEND_RATE_PARAM = "sendsPerSecond";

    /** Far below any file system's limit of 255, and long enough for a benchmark, its metric and its parameters. */
    static final int MAX_FILE_NAME_LENGTH = 150;

    private ReportModelBuilder() {
    }

    /**
     * The model of {@code run}, whose histograms, and schedule for the limit ratios' pairing by round, are read from
     * beside {@code files.json()}.
     */
    static ReportModel build(Run run, RunFiles files) throws ResultFileException {
        RunSummary summary = RunSummarizer.summarize(run.results(), RoundSchedule.ofRun(files));
        SortedMap<String, String> shared = sharedParams(run.results());
        List<String> notes = new ArrayList<>();
        List<FigureChart> figureCharts = figureCharts(summary, shared.keySet(), notes);
        List<LatencyChart> latencyCharts = latencyCharts(run, files.histograms(), shared.keySet(), notes);
        Optional<LimitChart> limitChart = limitChart(summary, shared.keySet(), notes);
        return new ReportModel(files.runName(), run.metadata(), shared, summary, figureCharts, latencyCharts,
                limitChart, notes);
    }

    private static List<FigureChart> figureCharts(RunSummary summary, Set<String> shared, List<String> notes) {
        List<FigureChart> charts = new ArrayList<>();
        for (Figure figure : summary.figures()) {
            FigureKey key = figure.key();
            if (figure.impls().stream().noneMatch(impl -> Double.isFinite(impl.metric().score()))) {
                notes.add("no chart for " + key.label() + ": no finite score");
                continue;
            }
            boolean sendRate = MetricNames.PRIMARY.equals(key.metric()) && key.benchmark().params().containsKey(SEND_RATE_PARAM);
            String params = paramsLabel(key.benchmark(), shared);
            String title = key.benchmark().simpleName() + params + " " + key.metric() + " (" + key.benchmark().mode() + ")"
                    + (sendRate ? ": rate achieved, set by the benchmark" : "");
            String fileName = fileName("figure", charts.size() + 1,
                    key.benchmark().simpleName() + "-" + key.metric() + "-" + key.benchmark().mode(), params);
            charts.add(new FigureChart(title, fileName, figure, !sendRate));
        }
        return charts;
    }

    /** One chart per benchmark and non-impl parameters, one series per implementation that has a log. */
    private static List<LatencyChart> latencyCharts(Run run, Path directory, Set<String> shared, List<String> notes) {
        if (!Files.isDirectory(directory)) {
            notes.add("no latency distributions: " + directory + " does not exist (the run was made without the HdrHistogramProfiler)");
            return List.of();
        }
        Map<BenchmarkKey, Map<String, Histogram>> groups = new LinkedHashMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (BenchmarkResult result : run.results()) {
            Path log = directory.resolve(HistogramFileNames.logFile(result.key()));
            if (!Files.isRegularFile(log) || !seen.add(log)) {
                continue;
            }
            try {
                Histogram pooled = HistogramLogs.readPooled(log);
                if (pooled.getTotalCount() == 0) {
                    notes.add(log.getFileName() + " holds no samples");
                    continue;
                }
                groups.computeIfAbsent(withoutImpl(result.key()), key -> new LinkedHashMap<>())
                        .put(result.key().params().getOrDefault(RunSummarizer.IMPL_PARAM, RunSummarizer.NO_IMPL), pooled);
            } catch (IOException e) {
                notes.add("skipped " + e.getMessage());
            }
        }
        if (groups.isEmpty()) {
            notes.add("no latency distributions: " + directory + " has no .hlog file for the benchmarks of this run");
        }
        List<LatencyChart> charts = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, Map<String, Histogram>> group : groups.entrySet()) {
            BenchmarkKey key = group.getKey();
            String params = paramsLabel(key, shared);
            charts.add(new LatencyChart(key.simpleName() + params + ": latency by percentile",
                    fileName("latency", charts.size() + 1, key.simpleName(), params), group.getValue()));
        }
        return charts;
    }

    private static Optional<LimitChart> limitChart(RunSummary summary, Set<String> shared, List<String> notes) {
        List<Figure> withLimit = summary.figures().stream()
                .filter(figure -> figure.impls().stream().anyMatch(impl -> impl.limitRatio().filter(LimitRatio::isFloor).isPresent()))
                .toList();
        if (withLimit.isEmpty()) {
            notes.add("no limit ratios: no loop figure has its limit benchmark in this run, or the limit is no floor for it");
            return Optional.empty();
        }
        Set<String> impls = new LinkedHashSet<>();
        withLimit.forEach(figure -> figure.impls().forEach(impl -> impls.add(impl.impl())));
        Map<String, List<Double>> ratiosByFigure = new LinkedHashMap<>();
        for (Figure figure : withLimit) {
            List<Double> ratios = new ArrayList<>();
            impls.forEach(impl -> ratios.add(limitRatio(figure, impl)));
            FigureKey key = figure.key();
            // the metric before the parameters: XChart cuts long legend entries at the end
            ratiosByFigure.put(key.benchmark().simpleName() + " " + key.metric() + " (" + key.benchmark().mode() + ")"
                    + paramsLabel(key.benchmark(), shared), Collections.unmodifiableList(ratios));
        }
        return Optional.of(new LimitChart("Times worse than the physical limit (1 = the limit)", "limit-ratios.png",
                List.copyOf(impls), ratiosByFigure));
    }

    /**
     * Parameters that several benchmarks have, each with one value throughout the run, such as the mpsc tuning
     * defaults: they tell nothing apart, so titles and file names leave them out and the report says them once.
     */
    static SortedMap<String, String> sharedParams(List<BenchmarkResult> results) {
        Map<String, Set<String>> values = new TreeMap<>();
        Map<String, Set<String>> benchmarks = new TreeMap<>();
        for (BenchmarkResult result : results) {
            result.key().params().forEach((name, value) -> {
                values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
                benchmarks.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(result.key().benchmark());
            });
        }
        SortedMap<String, String> shared = new TreeMap<>();
        values.forEach((name, seen) -> {
            if (seen.size() == 1 && benchmarks.get(name).size() > 1 && !RunSummarizer.IMPL_PARAM.equals(name)) {
                shared.put(name, seen.iterator().next());
            }
        });
        return shared;
    }

    /** {@code " k1=v1 k2=v2"} without {@code impl} and the shared parameters; empty without any. */
    private static String paramsLabel(BenchmarkKey key, Set<String> shared) {
        TreeMap<String, String> params = new TreeMap<>(key.params());
        params.remove(RunSummarizer.IMPL_PARAM);
        params.keySet().removeAll(shared);
        return params.isEmpty() ? "" : " " + BenchmarkKey.paramsLabel(params);
    }

    /** The implementation's ratio to the limit in that figure; null where it has none, or the limit is no floor. */
    private static Double limitRatio(Figure figure, String impl) {
        return figure.impls().stream()
                .filter(score -> score.impl().equals(impl))
                .flatMap(score -> score.limitRatio().filter(LimitRatio::isFloor).stream())
                .map(LimitRatio::ratio)
                .findFirst()
                .orElse(null);
    }

    private static BenchmarkKey withoutImpl(BenchmarkKey key) {
        TreeMap<String, String> params = new TreeMap<>(key.params());
        params.remove(RunSummarizer.IMPL_PARAM);
        return new BenchmarkKey(key.benchmark(), key.mode(), params);
    }

    /**
     * {@code kind-NN-what-params.png}: the number keeps names unique, {@code what} (benchmark and metric) comes
     * before the parameters, and only the parameters are shortened to keep the name within
     * {@value #MAX_FILE_NAME_LENGTH} characters.
     */
    static String fileName(String kind, int number, String what, String params) {
        String head = String.format(Locale.ROOT, "%s-%02d-%s", kind, number, slug(what));
        String tail = slug(params);
        String name = tail.isEmpty() ? head : head + "-" + tail;
        int room = MAX_FILE_NAME_LENGTH - ".png".length();
        return (name.length() > room ? name.substring(0, room) : name) + ".png";
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9._=-]+", "_").replaceAll("^_+|_+$", "");
    }
}
