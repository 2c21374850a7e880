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

    public LoopOption {
        allowedValues = List.copyOf(allowedValues);
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
