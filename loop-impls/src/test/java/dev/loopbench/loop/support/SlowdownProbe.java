package dev.loopbench.loop.support;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.registry.EventLoopRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Run by {@link SlowdownInjectionTest} in a JVM of its own, with or without the slowdown properties (which are read
 * once per JVM): gives every available loop tasks one at a time, each after a gap longer than any loop's spin phase
 * so that it wakes the loop, and prints per loop the loop thread's CPU over them and how many tasks did not run
 * exactly once: {@code RESULT <impl> <cpuNanos> <wrongRuns>}.
 */
public final class SlowdownProbe {

    static final String RESULT = "RESULT";
    private static final long WAIT_SECONDS = 20;
    /** Longer than any loop's spin phase (mpsc's spin-park spins for microseconds), short enough to keep this quick. */
    private static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private SlowdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String impl : EventLoopRegistry.availableNames()) {
            try (EventLoop loop = EventLoopRegistry.create(impl)) {
                long loopThread = loop.submit(() -> Thread.currentThread().getId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
                int[] runs = new int[tasks]; // written by the loop thread; each result's future publishes its write
                long cpuBefore = threads.getThreadCpuTime(loopThread);
                for (int i = 0; i < tasks; i++) {
                    int index = i;
                    LockSupport.parkNanos(GAP_NANOS);
                    loop.submit(() -> runs[index]++).get(WAIT_SECONDS, TimeUnit.SECONDS);
                }
                long cpu = threads.getThreadCpuTime(loopThread) - cpuBefore;
                long wrongRuns = java.util.Arrays.stream(runs).filter(count -> count != 1).count();
                System.out.println(RESULT + " " + impl + " " + cpu + " " + wrongRuns);
            }
        }
    }
}
