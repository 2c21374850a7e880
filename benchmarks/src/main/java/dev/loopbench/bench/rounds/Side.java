package dev.loopbench.bench.rounds;

import java.nio.file.Path;

/**
 * One build whose forks an interleaved run schedules, and the files its forks accumulate into. A plain run has
 * one side; an A/B run has {@code base} and {@code head}.
 *
 * @param name       {@code run}, {@code base} or {@code head}: the label in progress lines and the schedule
 * @param jar        the benchmarks jar that runs this side's forks
 * @param json       the side's JMH JSON, one fork per round appended to each row
 * @param log        JMH's output of every fork, appended
 * @param histograms where the side's HdrHistogram logs go
 */
public record Side(String name, Path jar, Path json, Path log, Path histograms) {

    /** The files of a run named after its JSON, as {@code docs/results-format.md} names them. */
    public static Side named(String name, Path jar, Path json) {
        String stem = json.toString().endsWith(".json")
                ? json.toString().substring(0, json.toString().length() - ".json".length()) : json.toString();
        return new Side(name, jar, json, Path.of(stem + ".log"), Path.of(stem + "-histograms"));
    }
}
