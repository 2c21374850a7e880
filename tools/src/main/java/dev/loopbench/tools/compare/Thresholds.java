package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The smallest change that counts: a default, overrides by benchmark class ({@code WakeupLatency}) or method
 * ({@code WakeupLatency.roundTripAfterGap}), the method winning, and a gated metric's own threshold
 * ({@code metric.alloc.loop.bytes.per.op}), which wins over both (see {@link GatedMetrics}).
 *
 * <p>Read from a properties file in the repository, {@code benchmarks/gate-thresholds.properties}, which the
 * benchmarks jar also carries as the resource {@value #RESOURCE}, so that a build's comparison can use its own:
 * <pre>
 * default = 10
 * WakeupLatency = 15
 * metric.alloc.loop.bytes.per.op = 2
 * </pre>
 *
 * @param defaultPct the threshold of benchmarks without an override, in percent
 * @param overrides  percent by {@code Class}, {@code Class.method} or {@code metric.NAME}
 */
public record Thresholds(double defaultPct, Map<String, Double> overrides) {

    public static final String DEFAULT_KEY = "default";
    /** Where a benchmarks jar carries the thresholds of the build it was made from. */
    public static final String RESOURCE = "/gate-thresholds.properties";

    public Thresholds {
        checkPercent(defaultPct, DEFAULT_KEY);
        overrides.forEach((name, pct) -> checkPercent(pct, name));
        overrides = Map.copyOf(overrides);
    }

    public static Thresholds uniform(double pct) {
        return new Thresholds(pct, Map.of());
    }

    /** The threshold of {@code key}'s benchmark, in percent. */
    public double pctFor(BenchmarkKey key) {
        String method = key.simpleName();
        String benchmarkClass = method.contains(".") ? method.substring(0, method.indexOf('.')) : method;
        return overrides.getOrDefault(method, overrides.getOrDefault(benchmarkClass, defaultPct));
    }

    /** A gated metric's own threshold, when the file sets one ({@code metric.NAME = PCT}). */
    public OptionalDouble metricPct(String metric) {
        Double pct = overrides.get(GatedMetrics.METRIC_KEY_PREFIX + metric);
        return pct == null ? OptionalDouble.empty() : OptionalDouble.of(pct);
    }

    /** Reads a thresholds file; {@code defaultPct} applies where the file sets no {@value #DEFAULT_KEY}. */
    public static Thresholds read(Path file, double defaultPct) throws ResultFileException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader, file, defaultPct);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * The thresholds packaged with these classes (resource {@value #RESOURCE}, in the benchmarks jar), or empty
     * where there are none (the tools' own classes, as the tests see them).
     */
    public static Optional<Thresholds> packaged(double defaultPct) throws ResultFileException {
        Path source = Path.of("jar:" + RESOURCE);
        try (InputStream in = Thresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new InputStreamReader(in, StandardCharsets.UTF_8), source, defaultPct));
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    private static ResultFileException unreadable(Path file, IOException e) {
        return new ResultFileException(file, "cannot be read as a thresholds file (" + e.getMessage()
                + "); expected lines such as 'default = 10' and 'WakeupLatency = 15'", e);
    }

    private static Thresholds read(Reader reader, Path file, double defaultPct) throws IOException, ResultFileException {
        Properties properties = new Properties();
        properties.load(reader);
        double fileDefault = defaultPct;
        Map<String, Double> overrides = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            double pct = parse(file, name, properties.getProperty(name));
            if (name.equals(DEFAULT_KEY)) {
                fileDefault = pct;
            } else {
                overrides.put(name, pct);
            }
        }
        return new Thresholds(fileDefault, overrides);
    }

    private static double parse(Path file, String name, String value) throws ResultFileException {
        String number = value.trim().endsWith("%") ? value.trim().substring(0, value.trim().length() - 1) : value.trim();
        try {
            double pct = Double.parseDouble(number);
            if (pct > 0 && pct < 100) {
                return pct;
            }
        } catch (NumberFormatException e) {
            // reported below, with what would be right
        }
        throw new ResultFileException(file, "sets " + name + " to '" + value + "'; a threshold is a percentage above 0"
                + " and below 100, e.g. " + name + " = 10");
    }

    private static void checkPercent(double pct, String name) {
        if (!(pct > 0 && pct < 100)) {
            throw new IllegalArgumentException(name + ": a threshold is a percentage above 0 and below 100; got " + pct);
        }
    }
}
