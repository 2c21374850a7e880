package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.Metric;

import java.util.Optional;

/**
 * One implementation's value of a figure.
 *
 * @param impl       the {@code impl} parameter, or {@value RunSummarizer#NO_IMPL} for benchmarks without one
 * @param metric     the metric as JMH reported it
 * @param limitRatio how many times worse than its physical limit, when the figure has a limit in the same run
 * @param best       whether this is the best of two or more implementations, clear of the others' fork spread
 */
public record ImplScore(String impl, Metric metric, Optional<LimitRatio> limitRatio, boolean best) {
}
