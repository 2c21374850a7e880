package dev.loopbench.bench.support;

import dev.loopbench.tools.summary.PhysicalLimits;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every benchmark JMH generated for this module has its limit pairing decided in the tools' PhysicalLimits. */
class PhysicalLimitsCoverageTest {

    @Test
    void everyBenchmarkHasItsLimitDecided() {
        Set<String> benchmarks = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT), List.of(".*"), List.of())) {
            benchmarks.add(entry.getUsername());
        }
        assertFalse(benchmarks.isEmpty(), "no benchmark found in META-INF/BenchmarkList");
        Set<String> undeclared = new TreeSet<>(benchmarks);
        undeclared.removeIf(PhysicalLimits::declares);
        assertEquals(Set.of(), undeclared, "benchmarks with no limit pairing in PhysicalLimits (declare one, or"
                + " Optional.empty() with the reason no like-for-like limit exists)");
    }
}
