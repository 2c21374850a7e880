package dev.loopbench.tools;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates JMH-shaped JSON with per-fork raw data drawn from a seeded generator, so that tests run on files
 * like the ones JMH writes without running JMH.
 *
 * <p>Noise is modelled as JMH runs show it: each fork is offset from the true mean by a normal factor with half
 * the noise, and each iteration varies around its fork by the full noise.
 */
public final class JmhJson {

    public static final int DEFAULT_FORKS = 3;
    public static final int DEFAULT_ITERATIONS = 5;
    public static final double DEFAULT_NOISE = 0.03;

    private final Random random;
    private final JsonArray entries = new JsonArray();

    public JmhJson(long seed) {
        this.random = new Random(seed);
    }

    /** A row of a benchmark in a mode, whose primary metric has that mean and unit. */
    public static Row row(String benchmark, String mode, String unit, double mean) {
        return new Row(benchmark, mode, unit, mean);
    }

    public JmhJson add(Row row) {
        entries.add(row.toJson(random));
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(entries));
        return file;
    }

    /** A benchmark row to generate; every setter returns the same row. */
    public static final class Row {
        private final String benchmark;
        private final String mode;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Metric primary;
        private final Map<String, Metric> secondaries = new LinkedHashMap<>();
        private int forks = DEFAULT_FORKS;
        private final List<String> jvmArgs = new ArrayList<>();
        private int iterations = DEFAULT_ITERATIONS;
        private double noise = DEFAULT_NOISE;

        private Row(String benchmark, String mode, String unit, double mean) {
            this.benchmark = benchmark;
            this.mode = mode;
            this.primary = new Metric(unit, mean);
        }

        public Row param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Row secondary(String name, String unit, double mean) {
            secondaries.put(name, new Metric(unit, mean));
            return this;
        }

        /** A secondary metric whose fork {@code i} scores exactly {@code forkValues[i]}, in every iteration. */
        public Row secondaryForks(String name, String unit, double... forkValues) {
            Metric metric = new Metric(unit, Double.NaN);
            metric.forkValues = forkValues.clone();
            secondaries.put(name, metric);
            return this;
        }

        /** The primary metric's fork {@code i} scores exactly {@code forkValues[i]}, in every iteration. */
        public Row primaryForks(double... forkValues) {
            primary.forkValues = forkValues.clone();
            return this;
        }

        public Row forks(int forks) {
            this.forks = forks;
            return this;
        }

        /** JVM flags of the forks, as JMH records them in {@code jvmArgs}. */
        public Row jvmArgs(String... flags) {
            jvmArgs.addAll(List.of(flags));
            return this;
        }

        public Row noise(double noise) {
            this.noise = noise;
            return this;
        }

        /** Every primary score NaN, written as JMH writes it: the string {@code "NaN"}. */
        public Row nanScores() {
            primary.mean = Double.NaN;
            return this;
        }

        JsonObject toJson(Random random) {
            JsonObject entry = new JsonObject();
            entry.addProperty("jmhVersion", "1.37");
            entry.addProperty("benchmark", benchmark);
            entry.addProperty("mode", mode);
            entry.addProperty("threads", 1);
            entry.addProperty("forks", forks);
            entry.addProperty("jvm", "/usr/lib/jvm/java-17/bin/java");
            JsonArray args = new JsonArray();
            jvmArgs.forEach(args::add);
            entry.add("jvmArgs", args);
            entry.addProperty("jdkVersion", "17.0.15");
            entry.addProperty("vmName", "OpenJDK 64-Bit Server VM");
            entry.addProperty("vmVersion", "17.0.15+6");
            entry.addProperty("warmupIterations", 3);
            entry.addProperty("warmupTime", "1 s");
            entry.addProperty("warmupBatchSize", 1);
            entry.addProperty("measurementIterations", iterations);
            entry.addProperty("measurementTime", "1 s");
            entry.addProperty("measurementBatchSize", 1);
            if (!params.isEmpty()) {
                JsonObject paramsJson = new JsonObject();
                params.forEach(paramsJson::addProperty);
                entry.add("params", paramsJson);
            }
            entry.add("primaryMetric", primary.toJson(random, forks, iterations, noise));
            JsonObject secondaryJson = new JsonObject();
            secondaries.forEach((name, metric) -> secondaryJson.add(name, metric.toJson(random, forks, iterations, noise)));
            entry.add("secondaryMetrics", secondaryJson);
            return entry;
        }
    }

    private static final class Metric {
        private final String unit;
        private double mean;
        /** Exact fork scores instead of drawn ones, when set. */
        private double[] forkValues;

        Metric(String unit, double mean) {
            this.unit = unit;
            this.mean = mean;
        }

        JsonObject toJson(Random random, int forks, int iterations, double noise) {
            List<Double> all = new ArrayList<>();
            JsonArray rawData = new JsonArray();
            int forkCount = forkValues != null ? forkValues.length : forks;
            for (int f = 0; f < forkCount; f++) {
                double forkMean = forkValues != null ? forkValues[f] : mean * (1 + random.nextGaussian() * noise / 2);
                JsonArray fork = new JsonArray();
                for (int i = 0; i < iterations; i++) {
                    double score = forkValues != null ? forkMean : forkMean * (1 + random.nextGaussian() * noise);
                    all.add(score);
                    fork.add(jmhNumber(score));
                }
                rawData.add(fork);
            }
            double score = all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sd = Math.sqrt(all.stream().mapToDouble(s -> (s - score) * (s - score)).sum() / (all.size() - 1));
            double error = 3.29 * sd / Math.sqrt(all.size());
            JsonObject metric = new JsonObject();
            metric.add("score", jmhNumber(score));
            metric.add("scoreError", jmhNumber(error));
            JsonArray confidence = new JsonArray();
            confidence.add(jmhNumber(score - error));
            confidence.add(jmhNumber(score + error));
            metric.add("scoreConfidence", confidence);
            metric.add("scorePercentiles", new JsonObject());
            metric.addProperty("scoreUnit", unit);
            metric.add("rawData", rawData);
            return metric;
        }

        /** JMH writes NaN and the infinities as strings. */
        private static JsonElement jmhNumber(double value) {
            if (Double.isNaN(value)) {
                return new JsonPrimitive("NaN");
            }
            return new JsonPrimitive(value);
        }
    }
}
