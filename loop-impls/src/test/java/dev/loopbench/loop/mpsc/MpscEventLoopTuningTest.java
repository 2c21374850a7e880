package dev.loopbench.loop.mpsc;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mpsc loop's tuning options are what users change, so every combination of idle strategy and queue must
 * keep the wakeup rules the conformance suite checks for the defaults.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MpscEventLoopTuningTest {

    private static final int ROUND_TRIPS = 20_000;

    /** The strategies that park until a producer wakes them, so that the wakeup rules apply. */
    private static final List<String> PARKING = List.of(
            ParkIdleStrategy.ALIAS, SpinThenParkIdleStrategy.ALIAS, AdaptiveIdleStrategy.ALIAS);
    /** The others, each with a test of its own below. */
    private static final List<String> NEVER_WOKEN = List.of(BusySpinIdleStrategy.ALIAS, BackoffIdleStrategy.ALIAS);

    static List<Arguments> parkingCombinations() {
        List<Arguments> combinations = new ArrayList<>();
        for (String idle : PARKING) {
            for (String queue : MpscQueueType.aliases()) {
                combinations.add(Arguments.of(idle, queue));
            }
        }
        return combinations;
    }

    @Test
    void everyIdleStrategyIsTestedHere() {
        Set<String> tested = new TreeSet<>(PARKING);
        tested.addAll(NEVER_WOKEN);
        assertEquals(new TreeSet<>(IdleStrategyType.aliases()), tested,
                "a new idle strategy belongs in PARKING (the wakeup tests run on it) or NEVER_WOKEN (with its own test)");
    }

    @ParameterizedTest(name = "[mpsc idle={0} queue={1}] no wakeup is lost over 20,000 round trips")
    @MethodSource("parkingCombinations")
    void noLostWakeup(String idle, String queue) throws Exception {
        try (EventLoop loop = EventLoopRegistry.builder("mpsc").option("idle", idle).option("queue", queue).build()) {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                int expected = i;
                assertEquals(expected, loop.submit(() -> expected).get(20, TimeUnit.SECONDS));
            }
        }
    }

    @ParameterizedTest(name = "[mpsc idle={0} queue={1}] a producer wakes a parked loop once, and only then")
    @MethodSource("parkingCombinations")
    void wakesOnlyASleepingLoop(String idle, String queue) throws Exception {
        try (EventLoop loop = EventLoopRegistry.builder("mpsc").option("idle", idle).option("queue", queue).build()) {
            Thread loopThread = loop.submit(Thread::currentThread).get(20, TimeUnit.SECONDS);
            awaitParked(loopThread); // past any spin phase, however long a loaded machine takes to get there
            LoopCounters before = loop.counters();
            loop.submit(() -> null).get(20, TimeUnit.SECONDS);
            LoopCounters after = loop.counters().since(before);
            assertEquals(1, after.tasksRun());
            assertEquals(1, after.wakeupsIssued(), "one task after a long gap costs exactly one wakeup");
        }
    }

    /** Waits, bounded, until {@code thread} parks: a fixed sleep assumed the loop had parked by then. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the loop thread never parked: " + thread.getState());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @ParameterizedTest(name = "[mpsc idle=spin queue={0}] a busy-spinning loop never needs a wakeup")
    @MethodSource("dev.loopbench.loop.mpsc.MpscQueueType#aliases")
    void busySpinNeverWakes(String queue) throws Exception {
        EventLoop loop = EventLoopRegistry.builder("mpsc").option("idle", "spin").option("queue", queue).build();
        try (loop) {
            for (int i = 0; i < 1_000; i++) {
                loop.submit(() -> null).get(20, TimeUnit.SECONDS);
            }
        }
        // read once terminated: a busy loop publishes its task count in batches
        assertEquals(0, loop.counters().wakeupsIssued());
        assertEquals(1_000, loop.counters().tasksRun());
    }

    @ParameterizedTest(name = "[mpsc idle=backoff queue={0}] Agrona's back-off wakes by itself: tasks after pauses run, no wakeup issued")
    @MethodSource("dev.loopbench.loop.mpsc.MpscQueueType#aliases")
    void backoffWakesByItself(String queue) throws Exception {
        EventLoop loop = EventLoopRegistry.builder("mpsc").option("idle", "backoff").option("queue", queue).build();
        try (loop) {
            for (int i = 0; i < 20; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // past the back-off's spins and yields
                int expected = i;
                assertEquals(expected, loop.submit(() -> expected).get(20, TimeUnit.SECONDS));
            }
        }
        assertEquals(0, loop.counters().wakeupsIssued(), "a backing-off loop is never woken by a producer");
        assertEquals(20, loop.counters().tasksRun());
    }
}
