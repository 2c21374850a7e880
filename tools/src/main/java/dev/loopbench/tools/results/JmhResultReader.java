package dev.loopbench.tools.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the JSON that JMH writes with {@code -rf json} into {@link BenchmarkResult}s.
 *
 * <p>Reading is strict about structure, because a comparison that silently skips a malformed row reports
 * "no change" for it: a missing field or a file that is not JMH output is a {@link ResultFileException} that
 * says which entry and which field. It is lenient about values the way JMH is: scores may be numbers,
 * bare {@code NaN}/{@code Infinity}, or the strings {@code "NaN"}, {@code "+INF"}, {@code "-INF"} that JMH
 * writes for them. In {@code sample} mode JMH writes the primary metric's raw data as per-iteration
 * histograms ({@code rawDataHistogram}); each iteration's score is then the mean of its histogram.
 */
public final class JmhResultReader {

    private JmhResultReader() {
    }

    /** Reads every result row of a JMH JSON file, in file order. */
    public static List<BenchmarkResult> read(Path file) throws ResultFileException {
        if (Files.isDirectory(file)) {
            throw new ResultFileException(file, "is a directory; expected the JSON file that JMH writes with -rf json -rff FILE");
        }
        String content;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (looksBinary(bytes)) {
                throw new ResultFileException(file, "is a binary file, not text; expected the JSON that JMH writes with -rf json");
            }
            content = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, "no such file; expected the JSON that JMH writes with -rf json -rff FILE");
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot be read: " + e, e);
        }
        if (content.isBlank()) {
            throw new ResultFileException(file, "is empty; expected the JSON array that JMH writes with -rf json");
        }
        if (content.startsWith("\"Benchmark\",") || content.startsWith("Benchmark,")) {
            throw new ResultFileException(file, "is CSV, JMH's -rf csv output; run JMH with -rf json (scripts/bench.sh does)");
        }
        if (content.startsWith("Benchmark ") || content.startsWith("# JMH")) {
            throw new ResultFileException(file, "is JMH's text output; run JMH with -rf json -rff FILE (scripts/bench.sh does)");
        }
        JsonElement root;
        try {
            // Lenient, to accept the bare NaN and Infinity tokens that some JSON writers emit for scores.
            root = JsonParser.parseString(content);
        } catch (JsonParseException e) {
            throw new ResultFileException(file, "is not valid JSON (" + rootCause(e) + ")", e);
        }
        if (root.isJsonNull()) {
            throw new ResultFileException(file, "is not valid JSON: it holds no value");
        }
        if (!root.isJsonArray()) {
            throw new ResultFileException(file, "is not JMH output: expected a JSON array of benchmark results at the top level, found "
                    + describe(root));
        }
        List<BenchmarkResult> results = new ArrayList<>();
        JsonArray entries = root.getAsJsonArray();
        for (int i = 0; i < entries.size(); i++) {
            results.add(new EntryReader(file, i, entries.get(i)).read());
        }
        return List.copyOf(results);
    }

    /** A NUL byte in the first few kilobytes: no JSON or text file has one. */
    private static boolean looksBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String describe(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        return element.isJsonNull() ? "null" : "the value " + element;
    }

    /** Reads one array entry, naming the entry and the field in every error. */
    private static final class EntryReader {
        private static final String PROFILER_MARK = "\u00b7";

        private final Path file;
        private final int index;
        private final JsonElement entry;
        private String where;

        EntryReader(Path file, int index, JsonElement entry) {
            this.file = file;
            this.index = index;
            this.entry = entry;
            this.where = "entry " + index;
        }

        BenchmarkResult read() throws ResultFileException {
            JsonObject object = asObject(entry, "");
            String benchmark = string(object, "benchmark");
            where = "entry " + index + " (" + benchmark + ")";
            String mode = string(object, "mode");
            BenchmarkKey key = new BenchmarkKey(benchmark, mode, params(object));
            Metric primary = metric(object.get("primaryMetric"), "primaryMetric", "sample".equals(mode));
            TreeMap<String, Metric> secondaries = new TreeMap<>();
            if (object.has("secondaryMetrics")) {
                JsonObject secondary = asObject(object.get("secondaryMetrics"), "secondaryMetrics");
                for (Map.Entry<String, JsonElement> e : secondary.entrySet()) {
                    secondaries.put(withoutProfilerMark(e.getKey()), metric(e.getValue(), "secondaryMetrics." + e.getKey(), false));
                }
            }
            return new BenchmarkResult(key, primary, secondaries, forkJvm(object));
        }

        /** JMH's record of the forks' JVM; absent from hand-made or very old files. */
        private static Optional<BenchmarkResult.ForkJvm> forkJvm(JsonObject object) {
            if (!object.has("jdkVersion") || !object.has("vmName")) {
                return Optional.empty();
            }
            List<String> args = new ArrayList<>();
            if (object.has("jvmArgs") && object.get("jvmArgs").isJsonArray()) {
                object.getAsJsonArray("jvmArgs").forEach(arg -> args.add(arg.getAsString()));
            }
            return Optional.of(new BenchmarkResult.ForkJvm(object.get("jdkVersion").getAsString(),
                    object.get("vmName").getAsString(),
                    object.has("vmVersion") ? object.get("vmVersion").getAsString() : "", args));
        }

        /** Older JMH versions mark profiler metrics with a leading middle dot ({@code ·gc.alloc.rate}). */
        private static String withoutProfilerMark(String name) {
            return name.startsWith(PROFILER_MARK) ? name.substring(PROFILER_MARK.length()) : name;
        }

        private TreeMap<String, String> params(JsonObject object) throws ResultFileException {
            TreeMap<String, String> params = new TreeMap<>();
            if (object.has("params")) {
                for (Map.Entry<String, JsonElement> e : asObject(object.get("params"), "params").entrySet()) {
                    if (!e.getValue().isJsonPrimitive()) {
                        throw fail("params." + e.getKey() + " is " + describe(e.getValue()) + ", expected a string");
                    }
                    params.put(e.getKey(), e.getValue().getAsString());
                }
            }
            return params;
        }

        private Metric metric(JsonElement element, String field, boolean histogramRawData) throws ResultFileException {
            if (element == null) {
                throw fail(field + " is missing");
            }
            JsonObject metric = asObject(element, field);
            double score = number(metric.get("score"), field + ".score");
            double scoreError = number(metric.get("scoreError"), field + ".scoreError");
            String unit = string(metric, "scoreUnit", field + ".scoreUnit");
            List<List<Double>> rawData = histogramRawData && metric.has("rawDataHistogram")
                    ? histogramForks(metric.get("rawDataHistogram"), field + ".rawDataHistogram")
                    : forks(metric.get("rawData"), field + ".rawData");
            return new Metric(score, scoreError, unit, rawData);
        }

        /** JMH's {@code rawData}: per fork, per iteration, the iteration's score. */
        private List<List<Double>> forks(JsonElement element, String field) throws ResultFileException {
            return perIteration(element, field, this::number);
        }

        /** Per fork, per iteration, a list of {@code [value, count]} pairs: each iteration scores its mean. */
        private List<List<Double>> histogramForks(JsonElement element, String field) throws ResultFileException {
            return perIteration(element, field, this::histogramMean);
        }

        private List<List<Double>> perIteration(JsonElement element, String field, IterationScore score)
                throws ResultFileException {
            List<List<Double>> forks = new ArrayList<>();
            JsonArray forkArray = asArray(element, field);
            for (int f = 0; f < forkArray.size(); f++) {
                JsonArray iterations = asArray(forkArray.get(f), field + "[" + f + "]");
                List<Double> scores = new ArrayList<>();
                for (int i = 0; i < iterations.size(); i++) {
                    scores.add(score.of(iterations.get(i), field + "[" + f + "][" + i + "]"));
                }
                forks.add(scores);
            }
            return forks;
        }

        private double histogramMean(JsonElement element, String iteration) throws ResultFileException {
            JsonArray buckets = asArray(element, iteration);
            double sum = 0;
            double count = 0;
            for (int b = 0; b < buckets.size(); b++) {
                JsonArray pair = asArray(buckets.get(b), iteration + "[" + b + "]");
                if (pair.size() != 2) {
                    throw fail(iteration + "[" + b + "] has " + pair.size() + " elements, expected [value, count]");
                }
                double n = number(pair.get(1), iteration + "[" + b + "][1]");
                sum += number(pair.get(0), iteration + "[" + b + "][0]") * n;
                count += n;
            }
            return count == 0 ? Double.NaN : sum / count;
        }

        private String string(JsonObject object, String name) throws ResultFileException {
            return string(object, name, name);
        }

        private String string(JsonObject object, String name, String field) throws ResultFileException {
            JsonElement value = object.get(name);
            if (value == null) {
                throw fail(field + " is missing");
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw fail(field + " is " + describe(value) + ", expected a string");
            }
            return value.getAsString();
        }

        /** A JSON number, or one of the names JMH and lenient JSON use for NaN and the infinities. */
        private double number(JsonElement value, String field) throws ResultFileException {
            if (value == null) {
                throw fail(field + " is missing");
            }
            if (value.isJsonPrimitive()) {
                JsonPrimitive primitive = value.getAsJsonPrimitive();
                if (primitive.isNumber()) {
                    return primitive.getAsDouble();
                }
                if (primitive.isString()) {
                    switch (primitive.getAsString()) {
                        case "NaN":
                            return Double.NaN;
                        case "+INF", "INF", "Infinity":
                            return Double.POSITIVE_INFINITY;
                        case "-INF", "-Infinity":
                            return Double.NEGATIVE_INFINITY;
                        default:
                            break;
                    }
                }
            }
            throw fail(field + " is " + describe(value) + ", expected a number");
        }

        private JsonObject asObject(JsonElement element, String field) throws ResultFileException {
            if (element == null || !element.isJsonObject()) {
                String name = field.isEmpty() ? "" : field + " ";
                throw fail(name + "is " + (element == null ? "missing" : describe(element)) + ", expected an object");
            }
            return element.getAsJsonObject();
        }

        private JsonArray asArray(JsonElement element, String field) throws ResultFileException {
            if (element == null) {
                throw fail(field + " is missing");
            }
            if (!element.isJsonArray()) {
                throw fail(field + " is " + describe(element) + ", expected an array");
            }
            return element.getAsJsonArray();
        }

        private ResultFileException fail(String problem) {
            return new ResultFileException(file, "is not JMH output: " + where + ": " + problem);
        }
    }

    /** Reads one iteration's score from its JSON, naming {@code field} in any error. */
    @FunctionalInterface
    private interface IterationScore {
        double of(JsonElement iteration, String field) throws ResultFileException;
    }
}
