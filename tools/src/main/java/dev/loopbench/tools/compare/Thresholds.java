package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.BenchmarkKey;
import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The smallest change that counts, per benchmark: a default, and overrides by benchmark class
 * ({@code WakeupLatency}) or method ({@code WakeupLatency.roundTripAfterGap}), the method winning.
 *
 * <p>Read from a properties file in the repository, {@code benchmarks/gate-thresholds.properties}:
 * <pre>
 * default = 10
 * WakeupLatency = 15
 * </pre>
 *
 * @param defaultPct the threshold of benchmarks without an override, in percent
 * @param overrides  percent by {@code Class} or {@code Class.method}
 */
public record Thresholds(double defaultPct, Map<String, Double> overrides) {

    public static final String DEFAULT_KEY = "default";

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

    /** Reads a thresholds file; {@code defaultPct} applies where the file sets no {@value #DEFAULT_KEY}. */
    public static Thresholds read(Path file, double defaultPct) throws ResultFileException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot be read as a thresholds file (" + e.getMessage()
                    + "); expected lines such as 'default = 10' and 'WakeupLatency = 15'", e);
        }
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
