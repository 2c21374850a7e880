package dev.loopbench.tools.results;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One entry of a JMH JSON file: a benchmark method measured in one mode with one parameter set.
 *
 * @param key              benchmark, mode and parameters
 * @param primaryMetric    the benchmark's own score, named {@link MetricNames#PRIMARY} in tables
 * @param secondaryMetrics profiler and counter metrics by name, e.g. {@code hdr.p99}
 * @param jvm              the JVM that JMH's forks ran on, as JMH recorded it in the row
 */
public record BenchmarkResult(BenchmarkKey key, Metric primaryMetric, SortedMap<String, Metric> secondaryMetrics,
                              Optional<ForkJvm> jvm) {

    /**
     * The forks' JVM as JMH's JSON records it: what actually ran, where a run's metadata can only record the JVM
     * that launched it.
     */
    public record ForkJvm(String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs) {

        public ForkJvm {
            jvmArgs = List.copyOf(jvmArgs);
        }

        @Override
        public String toString() {
            return vmName + " " + vmVersion + " (JDK " + jdkVersion + ")" + (jvmArgs.isEmpty() ? "" : " " + String.join(" ", jvmArgs));
        }
    }

    public BenchmarkResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(primaryMetric, "primaryMetric");
        secondaryMetrics = Collections.unmodifiableSortedMap(new TreeMap<>(secondaryMetrics));
        Objects.requireNonNull(jvm, "jvm");
    }

    public BenchmarkResult(BenchmarkKey key, Metric primaryMetric, SortedMap<String, Metric> secondaryMetrics) {
        this(key, primaryMetric, secondaryMetrics, Optional.empty());
    }

    /** The metric of that name, where {@link MetricNames#PRIMARY} is the primary metric. */
    public Optional<Metric> metric(String name) {
        return MetricNames.PRIMARY.equals(name) ? Optional.of(primaryMetric) : Optional.ofNullable(secondaryMetrics.get(name));
    }

    /** The primary metric's name followed by the secondary metrics' names, in {@link MetricNames#ORDER}. */
    public List<String> metricNames() {
        return Stream.concat(Stream.of(MetricNames.PRIMARY), secondaryMetrics.keySet().stream())
                .sorted(MetricNames.ORDER)
                .toList();
    }
}
