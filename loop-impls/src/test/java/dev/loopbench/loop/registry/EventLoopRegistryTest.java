package dev.loopbench.loop.registry;

import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLoopRegistryTest {

    @Test
    void registersTheImplementationsInOrder() {
        assertEquals(List.of("locked-deque", "mpsc", "netty", "netty-nio", "netty-epoll", "netty-io_uring",
                "jdk-executor", "agrona", "disruptor"), EventLoopRegistry.names());
    }

    /**
     * A loop the machine cannot run (a native transport the kernel refuses) refuses to be built with Netty's reason,
     * and is reported here as skipped with that reason, in one line; the conformance suite runs every other loop.
     */
    @ParameterizedTest(name = "[{0}]")
    @MethodSource("dev.loopbench.loop.registry.EventLoopRegistry#names")
    void eachLoopRunsHereOrSaysWhyNot(String impl) {
        Optional<String> unavailable = EventLoopRegistry.provider(impl).unavailableBecause();
        if (unavailable.isEmpty()) {
            assertTrue(EventLoopRegistry.availableNames().contains(impl));
            return;
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EventLoopRegistry.create(impl));
        assertTrue(refused.getMessage().contains(impl) && refused.getMessage().contains("unavailable"),
                refused.getMessage());
        assertFalse(EventLoopRegistry.availableNames().contains(impl));
        Assumptions.abort(impl + " is unavailable on this machine: " + unavailable.get());
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

    /** Before anything is built: a refused build has no side effect. */
    @Test
    void anIntegerOutsideItsRangeIsRefusedWhenGiven() {
        EventLoopRegistry.Builder builder = EventLoopRegistry.builder("mpsc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.options(Map.of("spinIterations", "-5")));
        assertEquals("option 'spinIterations' of 'mpsc' must be a non-negative integer; was '-5'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> builder.option("wakeupCostMicros", "1001"));
        assertEquals("option 'wakeupCostMicros' of 'mpsc' must be an integer from 0 to 1000; was '1001'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> builder.option("maxPendingTasks", "ten"));
        assertEquals("option 'maxPendingTasks' of 'mpsc' must be a non-negative integer; was 'ten'", e.getMessage());
    }

    @Test
    void everyProviderDeclaresValidDefaults() {
        for (EventLoopProvider provider : EventLoopRegistry.providers()) {
            for (LoopOption option : provider.options()) {
                assertTrue(option.accepts(option.defaultValue()),
                        provider.name() + "." + option.name() + " defaults to a value it does not allow");
            }
        }
    }

    @Test
    void anOptionGivenWhereItChangesNothingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventLoopRegistry.builder("mpsc")
                .option("idle", "park").option("spinIterations", "10000").build());
        assertEquals("option 'spinIterations' of 'mpsc' applies only with idle=spin-park; was given with idle=park",
                e.getMessage());
    }
}
