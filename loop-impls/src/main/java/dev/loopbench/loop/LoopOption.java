package dev.loopbench.loop;

import java.util.List;

/**
 * One tuning knob an implementation accepts, by name, with its default. The same names are the benchmarks'
 * {@code @Param}s and the CLI's {@code -p} keys, so tuning a loop is a command, not a code change.
 *
 * @param name the option's key, e.g. {@code idle}
 * @param defaultValue the value used when none is given
 * @param allowedValues every valid value, or empty when the value is free-form (then {@code description}
 *                      says what is valid)
 * @param description what the option changes and what is valid
 */
public record LoopOption(String name, String defaultValue, List<String> allowedValues, String description) {

    /** The option every loop takes: the bound on queued tasks, see {@link #maxPendingTasks()}. */
    public static final String MAX_PENDING_TASKS = "maxPendingTasks";

    public LoopOption {
        allowedValues = List.copyOf(allowedValues);
    }

    /**
     * How many tasks may wait in the loop's queue before {@code execute} and {@code submit} are rejected in the
     * caller; 0, the default, for no bound. Continuations and offload outcomes are not bounded: they finish work
     * the loop has already accepted.
     */
    public static LoopOption maxPendingTasks() {
        return nonNegativeInt(MAX_PENDING_TASKS, 0,
                "tasks queued at most before execute and submit are rejected; 0 for no bound; a non-negative integer");
    }

    /** An option whose value is one of a fixed set of aliases. */
    public static LoopOption oneOf(String name, String defaultValue, List<String> allowedValues, String description) {
        return new LoopOption(name, defaultValue, allowedValues, description);
    }

    /** An option whose value is a non-negative integer. */
    public static LoopOption nonNegativeInt(String name, int defaultValue, String description) {
        return new LoopOption(name, Integer.toString(defaultValue), List.of(), description);
    }

    @Override
    public String toString() {
        return name + "=" + (allowedValues.isEmpty() ? "<" + description + ">" : String.join("|", allowedValues))
                + " (default " + defaultValue + ")";
    }
}
