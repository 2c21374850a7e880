package dev.loopbench.loop;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLoopRegistryTest {

    @Test
    void registersTheFiveImplementationsInOrder() {
        assertEquals(List.of("locked-deque", "mpsc", "netty", "netty-nio", "jdk-executor"), EventLoopRegistry.names());
    }

    @Test
    void unknownImplementationNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.create("uvloop"));
        assertTrue(e.getMessage().contains("'uvloop'"), e.getMessage());
        for (String name : EventLoopRegistry.names()) {
            assertTrue(e.getMessage().contains(name), "the message lists " + name + ": " + e.getMessage());
        }
    }

    @Test
    void unknownOptionNamesTheValidOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.builder("mpsc").option("idel", "park"));
        assertTrue(e.getMessage().contains("idle=park|spin-park|spin"), e.getMessage());
        assertTrue(e.getMessage().contains("queue=array|xadd|linked"), e.getMessage());
    }

    @Test
    void optionOfAnotherImplementationIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.builder("netty").option("idle", "park"));
        assertTrue(e.getMessage().contains("'netty' has no option 'idle'"), e.getMessage());
        assertTrue(e.getMessage().contains("maxPendingTasks="), e.getMessage());
    }

    @Test
    void badOptionValueNamesTheValidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.builder("mpsc").option("queue", "ring"));
        assertEquals("option 'queue' of 'mpsc' must be one of array, xadd, linked; was 'ring'", e.getMessage());
    }

    @Test
    void nonNumericSpinIterationsIsRefusedAtBuild() {
        EventLoopRegistry.Builder builder = EventLoopRegistry.builder("mpsc").options(Map.of("spinIterations", "-5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("option 'spinIterations' of 'mpsc' must be a non-negative integer; was '-5'", e.getMessage());
    }

    @Test
    void everyProviderDeclaresValidDefaults() {
        for (EventLoopProvider provider : EventLoopRegistry.providers()) {
            for (LoopOption option : provider.options()) {
                assertTrue(option.allowedValues().isEmpty() || option.allowedValues().contains(option.defaultValue()),
                        provider.name() + "." + option.name() + " defaults to a value it does not allow");
            }
        }
    }
}
