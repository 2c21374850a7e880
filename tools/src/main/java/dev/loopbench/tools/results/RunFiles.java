package dev.loopbench.tools.results;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files that make up one run named {@code RUN}, all beside {@code RUN.json} (see {@code docs/results-format.md}).
 *
 * @param json the JMH result file, {@code RUN.json}
 */
public record RunFiles(Path json) {

    public RunFiles {
        Objects.requireNonNull(json, "json");
    }

    /** {@code RUN.meta.json}: the JDK, flags and machine the run was made on. */
    public Path metadata() {
        return sibling(".meta.json");
    }

    /** {@code RUN.rounds.json}: an interleaved run's schedule, which says the round of every fork. */
    public Path schedule() {
        return sibling(".rounds.json");
    }

    /** {@code RUN-histograms/}: one HdrHistogram log per benchmark and parameter set. */
    public Path histograms() {
        return sibling("-histograms");
    }

    /** {@code RUN-report/}: where the report goes unless told otherwise. */
    public Path report() {
        return sibling("-report");
    }

    /** {@code RUN-tune/}: where a tuning run's report goes unless told otherwise. */
    public Path tuningReport() {
        return sibling("-tune");
    }

    /** {@code RUN}: the file name without {@code .json}. */
    public String runName() {
        String name = json.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private Path sibling(String suffix) {
        return json.resolveSibling(runName() + suffix);
    }
}
