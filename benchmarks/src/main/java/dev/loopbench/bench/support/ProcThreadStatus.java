package dev.loopbench.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc} tells of one thread of this process: its native thread id, and how often it has
 * blocked voluntarily ({@code voluntary_ctxt_switches} in {@code /proc/self/task/<tid>/status}).
 *
 * <p>A voluntary context switch is counted every time the thread gave up its CPU because it had to wait: a
 * {@code LockSupport.park}, a futex wait on a contended lock or monitor, an {@code epoll_wait} or io_uring wait
 * that found nothing ready, a sleep, a stop at a JVM safepoint. Each one that ended is a wakeup of the thread, so
 * for an event loop the count is its sleeps (each ended by a producer's wakeup or its own timer) plus any lock
 * contention. Preemption by the scheduler is counted apart ({@code nonvoluntary_ctxt_switches}) and not here.
 *
 * <p>Everything here answers {@link #NOT_MEASURED} rather than fail where {@code /proc} has no such file: another
 * OS, or a thread that has ended.
 */
public final class ProcThreadStatus {

    public static final long NOT_MEASURED = -1;

    static final String VOLUNTARY_SWITCHES_FIELD = "voluntary_ctxt_switches:";
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ProcThreadStatus() {
    }

    /**
     * The calling thread's native id: Java 17 has no API for it, but {@code /proc/thread-self} is a link to
     * {@code <pid>/task/<tid>} that each thread sees for itself.
     */
    public static long currentNativeThreadId() {
        try {
            return nativeThreadIdOf(Files.readSymbolicLink(THREAD_SELF).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return NOT_MEASURED;
        }
    }

    /** The thread's voluntary context switches so far, or {@link #NOT_MEASURED}. */
    public static long voluntaryContextSwitches(long nativeThreadId) {
        if (nativeThreadId < 0) {
            return NOT_MEASURED;
        }
        try {
            return voluntarySwitchesIn(Files.readString(Path.of("/proc/self/task/" + nativeThreadId + "/status")));
        } catch (IOException | SecurityException e) {
            return NOT_MEASURED;
        }
    }

    /** The tid at the end of a {@code /proc/thread-self} link target such as {@code 7533/task/7540}. */
    static long nativeThreadIdOf(String linkTarget) {
        int slash = linkTarget.lastIndexOf('/');
        String last = linkTarget.substring(slash + 1);
        return linkTarget.contains("task/") && !last.isEmpty() && last.chars().allMatch(Character::isDigit)
                ? Long.parseLong(last) : NOT_MEASURED;
    }

    /** The {@code voluntary_ctxt_switches} value of a {@code status} file's text, or {@link #NOT_MEASURED}. */
    static long voluntarySwitchesIn(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith(VOLUNTARY_SWITCHES_FIELD)) {
                String value = line.substring(VOLUNTARY_SWITCHES_FIELD.length()).trim();
                return value.isEmpty() || !value.chars().allMatch(Character::isDigit) ? NOT_MEASURED : Long.parseLong(value);
            }
        }
        return NOT_MEASURED;
    }
}
