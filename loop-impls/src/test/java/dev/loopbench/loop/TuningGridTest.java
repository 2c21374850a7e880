package dev.loopbench.loop;

import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningGridTest {

    private static final EventLoopProvider SPIN_THEN_PARK = provider(
            LoopOption.oneOf("idle", "spin-park", List.of("park", "spin-park"), "idle"),
            LoopOption.nonNegativeInt("spins", 100, "spins").tunedOver("10", "1000").onlyWhen("idle", "spin-park"),
            LoopOption.oneOf("queue", "a", List.of("a", "b"), "queue"),
            LoopOption.maxPendingTasks());

    @Test
    void aConditionalOptionMultipliesOnlyTheSettingsItChanges() {
        assertEquals(List.of(
                Map.of("idle", "park", "queue", "a"),
                Map.of("idle", "park", "queue", "b"),
                Map.of("idle", "spin-park", "spins", "10", "queue", "a"),
                Map.of("idle", "spin-park", "spins", "10", "queue", "b"),
                Map.of("idle", "spin-park", "spins", "1000", "queue", "a"),
                Map.of("idle", "spin-park", "spins", "1000", "queue", "b")), TuningGrid.of(SPIN_THEN_PARK));
    }

    @Test
    void aConditionMetByTheDefaultAppliesWhenTheOptionItNamesIsNotSwept() {
        EventLoopProvider provider = provider(
                LoopOption.nonNegativeInt("mode", 1, "mode"),
                LoopOption.nonNegativeInt("spins", 100, "spins").tunedOver("10", "20").onlyWhen("mode", "1"));
        assertEquals(List.of(Map.of("spins", "10"), Map.of("spins", "20")), TuningGrid.of(provider));
    }

    @Test
    void anOptionWithoutTuningValuesKeepsItsDefaultAndAnEmptyGridHasTheDefaultSetting() {
        assertEquals(List.of(Map.of()), TuningGrid.of(provider(LoopOption.maxPendingTasks())));
    }

    @Test
    void aConditionOnAnOptionDeclaredLaterIsRefused() {
        EventLoopProvider provider = provider(
                LoopOption.nonNegativeInt("spins", 100, "spins").tunedOver("10").onlyWhen("idle", "spin-park"),
                LoopOption.oneOf("idle", "park", List.of("park", "spin-park"), "idle"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TuningGrid.of(provider));
        assertTrue(e.getMessage().contains("'spins'") && e.getMessage().contains("'idle'"), e.getMessage());
    }

    @Test
    void tuningValuesOutsideTheAllowedOnesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopOption.oneOf("idle", "park", List.of("park"), "idle").tunedOver("spin"));
    }

    /** Every loop's grid holds distinct settings, and each of them builds a loop that runs a task. */
    @ParameterizedTest(name = "[{0}]")
    @MethodSource("dev.loopbench.loop.registry.EventLoopRegistry#availableNames")
    void everySettingOfEveryGridBuildsAWorkingLoop(String impl) throws Exception {
        List<Map<String, String>> grid = TuningGrid.of(EventLoopRegistry.provider(impl));
        assertEquals(grid.size(), new HashSet<>(grid).size(), "duplicate settings in " + grid);
        for (Map<String, String> setting : grid) {
            try (EventLoop loop = EventLoopRegistry.builder(impl).options(setting).build()) {
                assertEquals(setting.toString(), loop.submit(setting::toString).get(20, TimeUnit.SECONDS));
            }
        }
    }

    private static EventLoopProvider provider(LoopOption... options) {
        return new EventLoopProvider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "a provider with options only";
            }

            @Override
            public List<LoopOption> options() {
                return List.of(options);
            }

            @Override
            public EventLoop create(LoopSettings settings) {
                throw new UnsupportedOperationException("never built");
            }
        };
    }
}
