package dev.loopbench.soak;

import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's command line: the loops come from the registry, and every mistake says what would be right. */
class SoakArgumentsTest {

    @Test
    void theLoopsAndSeedAreTakenAsGiven() {
        SoakArguments arguments = SoakArguments.parse("--minutes", "0.5", "--impls", "mpsc,locked-deque", "--seed", "-7")
                .orElseThrow();
        assertEquals(Duration.ofSeconds(30), arguments.length());
        assertEquals(List.of("mpsc", "locked-deque"),
                arguments.providers().stream().map(EventLoopProvider::name).toList());
        assertEquals(Optional.of(-7L), arguments.seed());
    }

    @Test
    void withoutImplsEveryRegisteredLoopThatCanRunIsSoaked() {
        SoakArguments arguments = SoakArguments.parse("--minutes", "1").orElseThrow();
        assertEquals(EventLoopRegistry.availableNames(),
                arguments.providers().stream().map(EventLoopProvider::name).toList());
    }

    @Test
    void anUnknownLoopIsRefusedNamingTheRegisteredOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SoakArguments.parse("--minutes", "1", "--impls", "mpsc,nope"));
        assertTrue(refused.getMessage().contains("unknown loop 'nope'"), refused.getMessage());
        assertTrue(refused.getMessage().contains(String.join(", ", EventLoopRegistry.names())), refused.getMessage());
    }

    @Test
    void minutesMustBeGivenAndPositive() {
        assertThrows(IllegalArgumentException.class, () -> SoakArguments.parse("--impls", "mpsc"));
        for (String bad : List.of("0", "-1", "soon", "NaN", "Infinity")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SoakArguments.parse("--minutes", bad));
            assertTrue(refused.getMessage().contains("positive number of minutes"), refused.getMessage());
        }
    }

    @Test
    void helpIsNoSoak() {
        assertEquals(Optional.empty(), SoakArguments.parse("--help"));
    }
}
