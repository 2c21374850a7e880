package dev.loopbench.soak;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A thread in one line, for a report of something stuck: its name, state and top frames. */
final class StackTraces {

    private static final int FRAMES = 8;

    private StackTraces() {
    }

    static String describe(Thread thread) {
        return thread.getName() + " (" + thread.getState() + ") at " + Arrays.stream(thread.getStackTrace())
                .limit(FRAMES).map(StackTraceElement::toString).collect(Collectors.joining(" < "));
    }
}
