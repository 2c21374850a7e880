package dev.loopbench.tools.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from one run, ready for analysis that does no I/O.
 *
 * @param source   where the results came from, for messages (usually the path of {@code RUN.json})
 * @param results  the JMH result rows in file order
 * @param metadata the run's context, when a {@code RUN.meta.json} was found
 */
public record Run(String source, List<BenchmarkResult> results, Optional<RunMetadata> metadata) {

    public Run {
        Objects.requireNonNull(source, "source");
        results = List.copyOf(results);
        Objects.requireNonNull(metadata, "metadata");
    }
}
