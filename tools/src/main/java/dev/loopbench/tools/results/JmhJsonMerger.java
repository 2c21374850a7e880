package dev.loopbench.tools.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Appends one fork's JMH JSON to a run's JSON, so that a run made of single-fork JMH runs (interleaved rounds) is
 * still one standard JMH JSON, with one fork per round in every row.
 *
 * <p>A row of the fork that the run already has (same benchmark, mode and params) gets the fork's raw data added
 * to its primary and secondary metrics ({@code rawData}, or {@code rawDataHistogram} in sample mode), and its
 * {@code forks}, {@code score}, {@code scoreError}, {@code scoreConfidence} and {@code scorePercentiles} are
 * recomputed over every iteration of every fork as JMH computes them: the score aggregates the iteration values
 * as {@link MetricNames#aggregationOf} says, the error is the half-width of a 99.9% Student t interval. A new row
 * is appended as it is. Every other field stays as the run's first fork wrote it.
 */
public final class JmhJsonMerger {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    private static final double SCORE_CONFIDENCE = 0.999;
    /** JMH's own percentiles come from Commons Math's default estimate, which is Hyndman and Fan's sixth. */
    private static final Quantile JMH_QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF6);
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    private JmhJsonMerger() {
    }

    /** Adds {@code forkJson}'s rows to {@code runJson}, creating it if missing; the write is atomic. */
    public static void appendFork(Path runJson, Path forkJson) throws ResultFileException, IOException {
        JsonArray run = Files.exists(runJson) ? rows(runJson) : new JsonArray();
        for (JsonElement forkRow : rows(forkJson)) {
            JsonObject fork = forkRow.getAsJsonObject();
            JsonObject existing = find(run, fork);
            if (existing == null) {
                run.add(fork);
            } else {
                append(existing, fork);
            }
        }
        Path temporary = runJson.resolveSibling(runJson.getFileName() + ".tmp");
        Files.writeString(temporary, GSON.toJson(run));
        Files.move(temporary, runJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonArray rows(Path file) throws ResultFileException, IOException {
        JmhResultReader.read(file); // the reader's checks and messages, before anything is merged
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ResultFileException(file, "is not JMH's JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject find(JsonArray run, JsonObject fork) {
        for (JsonElement row : run) {
            JsonObject candidate = row.getAsJsonObject();
            if (candidate.get("benchmark").equals(fork.get("benchmark")) && candidate.get("mode").equals(fork.get("mode"))
                    && String.valueOf(candidate.get("params")).equals(String.valueOf(fork.get("params")))) {
                return candidate;
            }
        }
        return null;
    }

    private static void append(JsonObject row, JsonObject fork) {
        row.addProperty("forks", row.get("forks").getAsInt() + fork.get("forks").getAsInt());
        appendMetric(MetricNames.PRIMARY, row.getAsJsonObject("primaryMetric"), fork.getAsJsonObject("primaryMetric"));
        if (fork.has("secondaryMetrics")) {
            JsonObject secondaries = row.has("secondaryMetrics") ? row.getAsJsonObject("secondaryMetrics") : new JsonObject();
            row.add("secondaryMetrics", secondaries);
            for (Map.Entry<String, JsonElement> metric : fork.getAsJsonObject("secondaryMetrics").entrySet()) {
                if (secondaries.has(metric.getKey())) {
                    appendMetric(metric.getKey(), secondaries.getAsJsonObject(metric.getKey()),
                            metric.getValue().getAsJsonObject());
                } else {
                    secondaries.add(metric.getKey(), metric.getValue());
                }
            }
        }
    }

    private static void appendMetric(String name, JsonObject metric, JsonObject fork) {
        boolean histogram = metric.has("rawDataHistogram");
        String raw = histogram ? "rawDataHistogram" : "rawData";
        metric.getAsJsonArray(raw).addAll(fork.getAsJsonArray(raw));
        double[] values = histogram ? histogramValues(metric.getAsJsonArray(raw)) : values(metric.getAsJsonArray(raw));
        double score = histogram ? mean(values) : MetricNames.aggregationOf(name).applyAsDouble(values);
        double error = histogram ? Double.NaN : meanError(values);
        metric.add("score", number(score));
        metric.add("scoreError", number(error));
        JsonArray confidence = new JsonArray();
        confidence.add(number(Double.isNaN(error) ? score : score - error));
        confidence.add(number(Double.isNaN(error) ? score : score + error));
        metric.add("scoreConfidence", confidence);
        JsonObject percentiles = new JsonObject();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double p : PERCENTILES) {
            percentiles.add(Double.toString(p), number(percentile(sorted, p)));
        }
        metric.add("scorePercentiles", percentiles);
    }

    /** Per fork, per iteration, the iteration's value. */
    private static double[] values(JsonArray forks) {
        List<Double> values = new ArrayList<>();
        forks.forEach(fork -> fork.getAsJsonArray().forEach(iteration -> values.add(value(iteration))));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Per fork, per iteration, {@code [value, count]} pairs: every sample, repeated by its count. */
    private static double[] histogramValues(JsonArray forks) {
        List<Double> values = new ArrayList<>();
        for (JsonElement fork : forks) {
            for (JsonElement iteration : fork.getAsJsonArray()) {
                for (JsonElement bucket : iteration.getAsJsonArray()) {
                    double value = value(bucket.getAsJsonArray().get(0));
                    long count = bucket.getAsJsonArray().get(1).getAsLong();
                    for (long i = 0; i < count; i++) {
                        values.add(value);
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double value(JsonElement element) {
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        return switch (primitive.getAsString()) {
            case "+INF", "INF", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** JMH writes NaN and the infinities as strings. */
    private static JsonElement number(double value) {
        if (Double.isNaN(value)) {
            return new JsonPrimitive("NaN");
        }
        if (Double.isInfinite(value)) {
            return new JsonPrimitive(value > 0 ? "+INF" : "-INF");
        }
        return new JsonPrimitive(value);
    }

    private static double mean(double[] values) {
        return Mean.of(values).getAsDouble();
    }

    /** JMH's {@code Statistics.getMeanErrorAt(0.999)}. */
    private static double meanError(double[] values) {
        if (values.length <= 2) {
            return Double.NaN;
        }
        double t = TDistribution.of(values.length - 1).inverseSurvivalProbability((1 - SCORE_CONFIDENCE) / 2);
        return t * Math.sqrt(Variance.of(values).getAsDouble() / values.length);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p == 0) {
            return sorted[0];
        }
        return JMH_QUANTILE.evaluate(sorted, p / 100);
    }
}
