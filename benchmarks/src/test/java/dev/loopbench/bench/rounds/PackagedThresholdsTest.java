package dev.loopbench.bench.rounds;

import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.Thresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmarks jar carries the build's own gate thresholds, so that {@code scripts/ab.sh} judges a change with
 * its base's thresholds, read from the base's jar, and a change cannot loosen its own gate.
 */
class PackagedThresholdsTest {

    @Test
    void theJarCarriesTheRepositorysThresholdsFile() throws Exception {
        Thresholds packaged = Thresholds.packaged(RunComparator.DEFAULT_THRESHOLD_PCT).orElseThrow(
                () -> new AssertionError("no " + Thresholds.RESOURCE + " on the benchmarks' classpath"));

        assertEquals(Thresholds.read(Path.of("gate-thresholds.properties"), RunComparator.DEFAULT_THRESHOLD_PCT), packaged);
    }
}
