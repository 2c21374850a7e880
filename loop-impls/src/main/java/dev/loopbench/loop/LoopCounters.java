package dev.loopbench.loop;

/**
 * A snapshot of what a loop has counted, read by benchmarks to report work done and wakeups per task.
 *
 * @param tasksRun tasks the loop thread has started, or {@link #NOT_COUNTED}; a busy loop publishes this count in
 *                 batches, so it is exact once the loop is idle or terminated and may lag while it is busy
 * @param wakeupsIssued wakeups producers issued to a loop that may have been asleep (unparks, signals,
 *                      selector wakeups), or {@link #NOT_COUNTED}
 */
public record LoopCounters(long tasksRun, long wakeupsIssued) {

    /** The value of a quantity that an implementation cannot observe. */
    public static final long NOT_COUNTED = -1;

    /** Whether {@link #wakeupsIssued()} holds a real count. */
    public boolean countsWakeups() {
        return wakeupsIssued != NOT_COUNTED;
    }

    /** The counts accumulated since {@code earlier}; quantities not counted stay {@link #NOT_COUNTED}. */
    public LoopCounters since(LoopCounters earlier) {
        return new LoopCounters(difference(tasksRun, earlier.tasksRun),
                difference(wakeupsIssued, earlier.wakeupsIssued));
    }

    private static long difference(long now, long then) {
        return now == NOT_COUNTED || then == NOT_COUNTED ? NOT_COUNTED : now - then;
    }
}
