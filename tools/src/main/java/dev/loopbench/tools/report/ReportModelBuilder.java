package dev.loopbench.tools.report;

import dev.loopbench.tools.report.ReportModel.FigureChart;
import dev.loopbench.tools.report.ReportModel.LatencyChart;
import dev.loopbench.tools.report.ReportModel.LimitChart;
import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.summary.Figure;
import dev.loopbench.tools.summary.ImplScore;
import dev.loopbench.tools.summary.RunSummarizer;
import dev.loopbench.tools.summary.RunSummary;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link ReportModel} of a run: summarises it, reads its pooled latency histograms, shapes every chart's
 * data and names its file. What cannot be charted (no histograms directory, an unreadable log, a figure without a
 * finite score) becomes a note, so that one missing piece never costs the whole report.
 */
final class ReportModelBuilder {

    private static final int MAX_SLUG_LENGTH = 80;

    private ReportModelBuilder() {
    }

    /** The model of {@code run}, whose histograms are read from beside {@code files.json()}. */
    static ReportModel build(Run run, RunFiles files) {
        RunSummary summary = RunSummarizer.summarize(run.results());
        List<String> notes = new ArrayList<>();
        List<FigureChart> figureCharts = figureCharts(summary, notes);
        List<LatencyChart> latencyCharts = latencyCharts(run, files.histograms(), notes);
        Optional<LimitChart> limitChart = limitChart(summary, notes);
        return new ReportModel(files.runName(), run.metadata(), summary, figureCharts, latencyCharts, limitChart, notes);
    }

    private static List<FigureChart> figureCharts(RunSummary summary, List<String> notes) {
        List<FigureChart> charts = new ArrayList<>();
        for (Figure figure : summary.figures()) {
            String title = figure.key().label();
            if (figure.impls().stream().noneMatch(impl -> Double.isFinite(impl.metric().score()))) {
                notes.add("no chart for " + title + ": no finite score");
                continue;
            }
            charts.add(new FigureChart(title,
                    String.format(Locale.ROOT, "figure-%02d-%s.png", charts.size() + 1, slug(title)), figure));
        }
        return charts;
    }

    /** One chart per benchmark and non-impl parameters, one series per implementation that has a log. */
    private static List<LatencyChart> latencyCharts(Run run, Path directory, List<String> notes) {
        if (!Files.isDirectory(directory)) {
            notes.add("no latency distributions: " + directory + " does not exist (the run was made without the HdrHistogramProfiler)");
            return List.of();
        }
        Map<String, Map<String, Histogram>> groups = new LinkedHashMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (BenchmarkResult result : run.results()) {
            Path log = directory.resolve(HistogramLogs.fileName(result.key()));
            if (!Files.isRegularFile(log) || !seen.add(log)) {
                continue;
            }
            try {
                Histogram pooled = HistogramLogs.readPooled(log);
                if (pooled.getTotalCount() == 0) {
                    notes.add(log.getFileName() + " holds no samples");
                    continue;
                }
                groups.computeIfAbsent(groupTitle(result.key()), title -> new LinkedHashMap<>())
                        .put(result.key().params().getOrDefault(RunSummarizer.IMPL_PARAM, RunSummarizer.NO_IMPL), pooled);
            } catch (IOException e) {
                notes.add("skipped " + e.getMessage());
            }
        }
        if (groups.isEmpty()) {
            notes.add("no latency distributions: " + directory + " has no .hlog file for the benchmarks of this run");
        }
        List<LatencyChart> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Histogram>> group : groups.entrySet()) {
            charts.add(new LatencyChart(group.getKey() + " latency distribution",
                    String.format(Locale.ROOT, "latency-%02d-%s.png", charts.size() + 1, slug(group.getKey())),
                    group.getValue()));
        }
        return charts;
    }

    private static Optional<LimitChart> limitChart(RunSummary summary, List<String> notes) {
        // every implementation needs a ratio in every figure: XChart draws a series by position, and its log
        // axis refuses the zero a gap would become
        List<Figure> withLimit = summary.figures().stream()
                .filter(figure -> figure.impls().stream().allMatch(impl -> impl.limitRatio().isPresent()))
                .toList();
        if (withLimit.isEmpty()) {
            notes.add("no limit ratios: no loop figure has its limit benchmark in this run");
            return Optional.empty();
        }
        Set<String> runWide = runWideParams(summary.figures());
        List<String> labels = withLimit.stream().map(figure -> shortLabel(figure, runWide)).toList();
        Set<String> impls = new LinkedHashSet<>();
        withLimit.forEach(figure -> figure.impls().forEach(impl -> impls.add(impl.impl())));
        Map<String, List<Double>> ratiosByImpl = new LinkedHashMap<>();
        for (String impl : impls) {
            List<Double> ratios = new ArrayList<>();
            withLimit.forEach(figure -> ratios.add(limitRatio(figure, impl)));
            ratiosByImpl.put(impl, ratios);
        }
        return Optional.of(new LimitChart("Times worse than the physical limit", "limit-ratios.png", labels, ratiosByImpl));
    }

    /**
     * Parameters that several benchmarks share with one value throughout the run, such as the mpsc tuning
     * defaults: they tell nothing apart, so the crowded limit chart leaves them out of its labels.
     */
    private static Set<String> runWideParams(List<Figure> figures) {
        Map<String, Set<String>> values = new TreeMap<>();
        Map<String, Set<String>> benchmarks = new TreeMap<>();
        for (Figure figure : figures) {
            figure.key().benchmark().params().forEach((name, value) -> {
                values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
                benchmarks.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(figure.key().benchmark().benchmark());
            });
        }
        Set<String> runWide = new LinkedHashSet<>();
        values.forEach((name, seen) -> {
            if (seen.size() == 1 && benchmarks.get(name).size() > 1) {
                runWide.add(name);
            }
        });
        return runWide;
    }

    private static String shortLabel(Figure figure, Set<String> runWideParams) {
        TreeMap<String, String> params = new TreeMap<>(figure.key().benchmark().params());
        params.keySet().removeAll(runWideParams);
        return figure.key().benchmark().simpleName() + (params.isEmpty() ? "" : " " + BenchmarkKey.paramsLabel(params))
                + " " + figure.key().metric() + " (" + figure.key().benchmark().mode() + ")";
    }

    /** The implementation's ratio to the limit in that figure, or 1 where the implementation is not in it. */
    private static Double limitRatio(Figure figure, String impl) {
        return figure.impls().stream()
                .filter(score -> score.impl().equals(impl))
                .map(score -> score.limitRatio().getAsDouble())
                .findFirst()
                .orElse(1.0);
    }

    private static String groupTitle(BenchmarkKey key) {
        TreeMap<String, String> params = new TreeMap<>(key.params());
        params.remove(RunSummarizer.IMPL_PARAM);
        return key.simpleName() + (params.isEmpty() ? "" : " " + BenchmarkKey.paramsLabel(params));
    }

    private static String slug(String title) {
        String slug = title.replaceAll("[^A-Za-z0-9._=-]+", "_").replaceAll("^_+|_+$", "");
        return slug.length() > MAX_SLUG_LENGTH ? slug.substring(0, MAX_SLUG_LENGTH) : slug;
    }
}
