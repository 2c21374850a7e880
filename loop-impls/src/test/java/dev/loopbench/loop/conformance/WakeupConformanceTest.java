package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import org.junit.jupiter.api.DisplayName;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Contract: waiting and waking. No lost wakeup, and an idle loop leaves the CPU alone. */
class WakeupConformanceTest extends ConformanceSupport {

    private static final int ROUND_TRIPS = 100_000;
    private static final long IDLE_MILLIS = 200;
    /** Generous: a parked loop uses ~0%; a spinning one ~100%. */
    private static final double MAX_IDLE_CPU_FRACTION = 0.2;

    @ConformanceTest
    @DisplayName("100,000 submit-and-wait round trips against a loop that sleeps between them all finish")
    void noLostWakeup(String impl) throws Exception {
        EventLoop loop = newLoop(impl);
        assertEquals(ROUND_TRIPS, RoundTrips.run(loop, ROUND_TRIPS));
    }

    @ConformanceTest
    @DisplayName("an idle loop uses almost no CPU")
    void idleLoopDoesNotBurnCpu(String impl) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadCpuTimeSupported(), "this JVM cannot measure thread CPU time");
        EventLoop loop = newLoop(impl);
        long loopThreadId = get(loop.submit(() -> Thread.currentThread().getId()), "the loop thread's id");
        Thread.sleep(IDLE_MILLIS); // let any spin phase end
        long cpuBefore = threads.getThreadCpuTime(loopThreadId);
        long wallBefore = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        long cpu = threads.getThreadCpuTime(loopThreadId) - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertTrue(cpu < MAX_IDLE_CPU_FRACTION * wall, String.format(
                "the idle loop used %.1f ms of CPU in %.1f ms", cpu / 1e6, wall / 1e6));
    }

    /** Submit-and-wait round trips that fail with a message if any one of them never completes. */
    static final class RoundTrips {

        private RoundTrips() {
        }

        static int run(EventLoop loop, int count) throws Exception {
            int completed = 0;
            for (int i = 0; i < count; i++) {
                int expected = i;
                int value = get(loop.submit(() -> expected), "round trip " + i + " (a lost wakeup)");
                if (value == expected) {
                    completed++;
                }
            }
            return completed;
        }
    }

}
