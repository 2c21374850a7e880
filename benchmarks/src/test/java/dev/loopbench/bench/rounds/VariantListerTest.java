package dev.loopbench.bench.rounds;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the real META-INF/BenchmarkList that JMH's annotation processor wrote for this module. */
class VariantListerTest {

    private static final String BURST = "dev.loopbench.bench.throughput.BurstThroughput.from1Producer";

    @Test
    void everyParameterValueGivenWithPMakesItsOwnVariant() {
        List<Variant> variants = VariantLister.list(List.of("BurstThroughput.from1Producer$",
                "-p", "impl=mpsc,netty,locked-deque", "-p", "maxPendingTasks=0,100"));

        assertEquals(6, variants.size(), variants::toString);
        Set<String> impls = variants.stream().map(v -> v.params().get("impl")).collect(Collectors.toSet());
        assertEquals(Set.of("mpsc", "netty", "locked-deque"), impls);
        assertTrue(variants.stream().allMatch(v -> v.benchmark().equals(BURST) && v.mode() == Mode.Throughput));
    }

    @Test
    void parametersNotGivenKeepTheirAnnotatedValue() {
        List<Variant> variants = VariantLister.list(List.of("BurstThroughput.from1Producer$", "-p", "impl=mpsc"));

        assertEquals(1, variants.size(), variants::toString);
        assertTrue(variants.get(0).params().containsKey("loopOptions"), "the annotated loopOptions parameter is missing");
    }

    @Test
    void bmOverridesTheBenchmarksOwnMode() {
        List<Variant> variants = VariantLister.list(List.of("BurstThroughput.from1Producer$", "-p", "impl=mpsc",
                "-bm", "avgt"));

        assertEquals(List.of(Mode.AverageTime), variants.stream().map(Variant::mode).toList());
    }

    @Test
    void aVariantsSelectionMatchesOnlyItself() {
        Variant variant = VariantLister.list(List.of("BurstThroughput.from1Producer$", "-p", "impl=mpsc")).get(0);

        List<Variant> again = VariantLister.list(variant.jmhSelection());

        assertEquals(List.of(variant), again);
    }

    @Test
    void aRegexpThatMatchesNothingSaysHowToList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantLister.list(List.of("NoSuchBenchmark")));
        assertTrue(e.getMessage().contains("-l"), e.getMessage());
    }
}
