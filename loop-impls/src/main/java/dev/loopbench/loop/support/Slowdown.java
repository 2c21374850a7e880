package dev.loopbench.loop.support;

/**
 * Real slowdowns of the loops, injected on purpose to measure whether a benchmark or the CI gate notices a loop that
 * got slower (its power): calibrated CPU burnt on the loop thread, read once per JVM from two system properties.
 * Both are off by default, and free when off: the amounts are {@code static final}, so the JIT folds the checks of
 * {@link #perTask()} and {@link #afterWakeup()} away.
 *
 * <ul>
 *   <li>{@code -Dloopbench.slowdown.taskNanos=N}: N ns of CPU on the loop thread before every task it runs
 *       ({@link #perTask()}), in every loop: the loop's own cost per task and its throughput get worse.</li>
 *   <li>{@code -Dloopbench.slowdown.wakeupNanos=N}: N ns of CPU on the loop thread each time it returns from a wait
 *       that a producer ends, before it runs the task that woke it ({@link #afterWakeup()}): what the latency
 *       figures of a sleeping loop see. Hooked where the loop's code can tell that it waited:
 *       <table>
 *         <caption>Which loops a wakeup slowdown reaches</caption>
 *         <tr><th>loop</th><th>the hooked wait</th></tr>
 *         <tr><td>{@code mpsc}</td><td>its park, with the {@code park}, {@code spin-park} and {@code adaptive}
 *             idle strategies ({@code spin} and {@code backoff} are never woken by a producer)</td></tr>
 *         <tr><td>{@code locked-deque}</td><td>its wait on the condition</td></tr>
 *         <tr><td>{@code jdk-executor}</td><td>the worker's {@code take()} from an empty queue</td></tr>
 *         <tr><td>{@code netty}</td><td>{@code DefaultEventLoop}'s {@code takeTask()} with no task queued</td></tr>
 *         <tr><td>{@code netty-nio}, {@code netty-epoll}, {@code netty-io_uring}</td><td>the I/O handler's run when
 *             Netty let it block (no task queued)</td></tr>
 *         <tr><td>{@code disruptor}</td><td>the {@code blocking} and {@code lite-blocking} wait strategies' wait with
 *             nothing published (the other strategies are never woken by a producer)</td></tr>
 *         <tr><td>{@code agrona}</td><td>none: no producer wakes it; its idle strategies return by themselves</td></tr>
 *       </table>
 *       Hooks of the library loops stay out of the loop entirely while the slowdown is off.</li>
 * </ul>
 * N is a whole number of nanoseconds from 0 (off) to {@value #MAX_NANOS}. A burn is a calibrated chain of
 * multiply-adds ({@link CpuBurn}): N ns of CPU on this machine, timed once as the first loop is built, allocating
 * nothing and reading no clock.
 *
 * <h2>Thread contract</h2>
 * {@link #perTask()} and {@link #afterWakeup()}: loop threads only. {@link #initialize()}: any thread, called as a
 * loop is built.
 */
public final class Slowdown {

    public static final String TASK_NANOS_PROPERTY = "loopbench.slowdown.taskNanos";
    public static final String WAKEUP_NANOS_PROPERTY = "loopbench.slowdown.wakeupNanos";
    /** A second: a longer burn per task is no slowdown any benchmark here could finish with. */
    public static final long MAX_NANOS = 1_000_000_000;

    private static final long TASK_NANOS = nanos(TASK_NANOS_PROPERTY, System.getProperty(TASK_NANOS_PROPERTY));
    private static final long WAKEUP_NANOS = nanos(WAKEUP_NANOS_PROPERTY, System.getProperty(WAKEUP_NANOS_PROPERTY));
    /** Calibrated only if a slowdown is on: a JVM without one spends nothing on it. */
    private static final CpuBurn BURN = TASK_NANOS == 0 && WAKEUP_NANOS == 0 ? null : CpuBurn.calibrate();
    private static final int TASK_STEPS = BURN == null ? 0 : BURN.stepsFor(TASK_NANOS);
    private static final int WAKEUP_STEPS = BURN == null ? 0 : BURN.stepsFor(WAKEUP_NANOS);

    static {
        if (BURN != null) {
            System.err.printf("loopbench: slowdown injected: %d ns of CPU per task, %d ns per wakeup (%.2f steps/ns)%n",
                    TASK_NANOS, WAKEUP_NANOS, BURN.stepsPerNano());
        }
    }

    private Slowdown() {
    }

    /**
     * Reads the properties and calibrates the burn, once per JVM: called as a loop is built, so that a bad value
     * fails the build with its message, and the calibration does not land in a loop's first task.
     *
     * @throws ExceptionInInitializerError whose cause says which property was wrong and what it takes
     */
    public static void initialize() {
        // the class's initialization does it all
    }

    /** Loop thread only, before each task: burns {@code taskNanos}, or nothing. */
    public static void perTask() {
        if (TASK_STEPS != 0) {
            CpuBurn.burn(TASK_STEPS);
        }
    }

    /** Whether wakeups are slowed: a library loop's hook is installed only then. */
    public static boolean slowsWakeups() {
        return WAKEUP_STEPS != 0;
    }

    /** Loop thread only, right after a wait that a producer ended: burns {@code wakeupNanos}, or nothing. */
    public static void afterWakeup() {
        if (WAKEUP_STEPS != 0) {
            CpuBurn.burn(WAKEUP_STEPS);
        }
    }

    /**
     * {@code value} of {@code property} in nanoseconds: 0 when absent or blank.
     *
     * @throws IllegalArgumentException saying what was wrong and what the property takes
     */
    static long nanos(String property, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        long nanos;
        try {
            nanos = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            nanos = -1;
        }
        if (nanos < 0 || nanos > MAX_NANOS) {
            throw new IllegalArgumentException("-D" + property + " takes a whole number of nanoseconds from 0 (off) to "
                    + MAX_NANOS + "; was '" + value + "'");
        }
        return nanos;
    }
}
