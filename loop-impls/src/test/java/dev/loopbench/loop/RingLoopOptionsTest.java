package dev.loopbench.loop;

import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import dev.loopbench.loop.agrona.AgronaIdleStrategyType;
import dev.loopbench.loop.disruptor.DisruptorEventLoopProvider;
import dev.loopbench.loop.disruptor.DisruptorWaitStrategyType;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every idle and wait strategy of the {@code agrona} and {@code disruptor} loops builds a loop that runs tasks, both
 * back to back and after the loop has gone idle, and counts them; unknown aliases are refused naming the valid ones.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RingLoopOptionsTest {

    private static final int ROUND_TRIPS = 200;

    /** Each loop, option and alias; the interrupt conformance test tries them too. */
    public static List<Arguments> everyStrategy() {
        List<Arguments> strategies = new ArrayList<>();
        AgronaIdleStrategyType.aliases().forEach(alias ->
                strategies.add(Arguments.of(AgronaEventLoopProvider.NAME, AgronaEventLoopProvider.IDLE, alias)));
        DisruptorWaitStrategyType.aliases().forEach(alias -> strategies.add(
                Arguments.of(DisruptorEventLoopProvider.NAME, DisruptorEventLoopProvider.WAIT_STRATEGY, alias)));
        return strategies;
    }

    @ParameterizedTest(name = "[{0} {1}={2}] runs and counts tasks, awake and after idling")
    @MethodSource("everyStrategy")
    void everyStrategyBuildsAWorkingLoop(String impl, String option, String alias) throws Exception {
        EventLoop loop = EventLoopRegistry.builder(impl).option(option, alias).build();
        try (loop) {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                int expected = i;
                assertEquals(expected, loop.submit(() -> expected).get(20, TimeUnit.SECONDS));
                if (i % 50 == 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // past any spin phase: the loop idles
                }
            }
        }
        // read once terminated: a busy loop publishes its task count in batches
        assertEquals(ROUND_TRIPS, loop.counters().tasksRun());
        assertEquals(expectedWakeups(impl, alias), loop.counters().wakeupsIssued());
    }

    /** Only the Disruptor's blocking strategies are woken by producers, inside the Disruptor, where it is not seen. */
    private static long expectedWakeups(String impl, String alias) {
        boolean uncounted = impl.equals(DisruptorEventLoopProvider.NAME)
                && DisruptorWaitStrategyType.forAlias(alias).wokenByProducers();
        return uncounted ? LoopCounters.NOT_COUNTED : 0;
    }

    @Test
    void theDefaultsAreAgronasBackoffAndTheDisruptorsBlockingStrategy() {
        assertEquals("backoff", defaultOf(AgronaEventLoopProvider.NAME, AgronaEventLoopProvider.IDLE));
        assertEquals("blocking", defaultOf(DisruptorEventLoopProvider.NAME, DisruptorEventLoopProvider.WAIT_STRATEGY));
    }

    private static String defaultOf(String impl, String option) {
        return EventLoopRegistry.provider(impl).options().stream().filter(o -> o.name().equals(option))
                .findFirst().orElseThrow().defaultValue();
    }

    @Test
    void anUnknownIdleStrategyNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.builder(AgronaEventLoopProvider.NAME).option(AgronaEventLoopProvider.IDLE, "park"));
        assertEquals("option 'idle' of 'agrona' must be one of backoff, spin, yield, sleep-ns, sleep-ms, noop; was 'park'",
                e.getMessage());
        IllegalArgumentException lookup = assertThrows(IllegalArgumentException.class,
                () -> AgronaIdleStrategyType.forAlias("park"));
        assertTrue(lookup.getMessage().contains(String.join(", ", AgronaIdleStrategyType.aliases())), lookup.getMessage());
    }

    @Test
    void anUnknownWaitStrategyNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoopRegistry.builder(DisruptorEventLoopProvider.NAME)
                        .option(DisruptorEventLoopProvider.WAIT_STRATEGY, "timeout-blocking"));
        assertEquals("option 'waitStrategy' of 'disruptor' must be one of blocking, lite-blocking, sleeping, yielding, "
                + "busy-spin; was 'timeout-blocking'", e.getMessage());
        IllegalArgumentException lookup = assertThrows(IllegalArgumentException.class,
                () -> DisruptorWaitStrategyType.forAlias("phased"));
        assertTrue(lookup.getMessage().contains(String.join(", ", DisruptorWaitStrategyType.aliases())),
                lookup.getMessage());
    }

    @Test
    void aCapacityOutOfRangeIsRefusedAtBuild() {
        for (String capacity : List.of("0", Integer.toString((1 << 30) + 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EventLoopRegistry.builder(AgronaEventLoopProvider.NAME)
                            .option(AgronaEventLoopProvider.CAPACITY, capacity).build());
            assertTrue(e.getMessage().contains("'capacity' of 'agrona' must be an integer from 1 to 1073741824"),
                    e.getMessage());
        }
    }
}
