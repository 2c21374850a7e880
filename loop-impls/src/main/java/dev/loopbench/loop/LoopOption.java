package dev.loopbench.loop;

import java.util.List;
import java.util.Optional;

/**
 * One tuning knob an implementation accepts, by name, with its default and the values a tuning sweep tries. The
 * same names are the keys of the benchmarks' {@code loopOptions} parameter and of the registry's builder, so
 * tuning a loop is a command, not a code change.
 *
 * @param name the option's key, e.g. {@code idle}
 * @param defaultValue the value used when none is given
 * @param allowedValues every valid value of an option that takes one of a fixed set; empty for an integer option
 * @param range the integers an integer option takes; empty for an option with {@code allowedValues}
 * @param description what the option changes and what is valid
 * @param tuningValues what {@link TuningGrid} tries: every allowed value of a {@link #oneOf} option, the default
 *                     alone for a free-form one, unless {@link #tunedOver} says otherwise
 * @param onlyWhen the condition under which the option changes anything, e.g. {@code spinIterations} only with
 *                 {@code idle=spin-park}; empty when it always does
 */
public record LoopOption(String name, String defaultValue, List<String> allowedValues, Optional<IntRange> range,
                         String description, List<String> tuningValues, Optional<Condition> onlyWhen) {

    /** The option every loop takes: the bound on queued tasks, see {@link #maxPendingTasks()}. */
    public static final String MAX_PENDING_TASKS = "maxPendingTasks";

    /** An option's relevance: it matters only while option {@code option} has one of {@code values}. */
    public record Condition(String option, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return option + "=" + String.join("|", values);
        }
    }

    /** The integers from {@code min} to {@code max}, both included, written in decimal. */
    public record IntRange(int min, int max) {

        public IntRange {
            if (min > max) {
                throw new IllegalArgumentException("an empty range: " + min + " to " + max);
            }
        }

        public boolean contains(String value) {
            try {
                int parsed = Integer.parseInt(value.trim());
                return parsed >= min && parsed <= max;
            } catch (NumberFormatException notAnInt) {
                return false;
            }
        }

        @Override
        public String toString() {
            return min == 0 && max == Integer.MAX_VALUE ? "a non-negative integer" : "an integer from " + min + " to " + max;
        }
    }

    public LoopOption {
        allowedValues = List.copyOf(allowedValues);
        tuningValues = List.copyOf(tuningValues);
        if (allowedValues.isEmpty() == range.isEmpty()) {
            throw new IllegalArgumentException("option '" + name + "' needs either allowed values or an integer range");
        }
        if (tuningValues.isEmpty()) {
            throw new IllegalArgumentException("option '" + name + "' needs at least one tuning value");
        }
        // the fields are not set yet in a compact constructor: the checks read the parameters
        for (String value : tuningValues) {
            if (!accepts(allowedValues, range, value)) {
                throw new IllegalArgumentException("option '" + name + "' tunes over '" + value + "', which is not "
                        + validValues(allowedValues, range));
            }
        }
        if (!accepts(allowedValues, range, defaultValue)) {
            throw new IllegalArgumentException("option '" + name + "' defaults to '" + defaultValue + "', which is not "
                    + validValues(allowedValues, range));
        }
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

    /** An option whose value is one of a fixed set of aliases; a tuning sweep tries them all. */
    public static LoopOption oneOf(String name, String defaultValue, List<String> allowedValues, String description) {
        return new LoopOption(name, defaultValue, allowedValues, Optional.empty(), description, allowedValues,
                Optional.empty());
    }

    /** An option whose value is a non-negative integer; a tuning sweep keeps the default unless told otherwise. */
    public static LoopOption nonNegativeInt(String name, int defaultValue, String description) {
        return intBetween(name, defaultValue, 0, Integer.MAX_VALUE, description);
    }

    /** An option whose value is an integer from {@code min} to {@code max}; a sweep keeps the default unless told. */
    public static LoopOption intBetween(String name, int defaultValue, int min, int max, String description) {
        String value = Integer.toString(defaultValue);
        return new LoopOption(name, value, List.of(), Optional.of(new IntRange(min, max)), description, List.of(value),
                Optional.empty());
    }

    /** Whether {@code value} is valid: one of the allowed values, or an integer in the range. */
    public boolean accepts(String value) {
        return accepts(allowedValues, range, value);
    }

    private static boolean accepts(List<String> allowedValues, Optional<IntRange> range, String value) {
        return range.map(integers -> integers.contains(value)).orElseGet(() -> allowedValues.contains(value));
    }

    /** What a valid value is, for a message that refuses an invalid one: "one of a, b" or "an integer from 1 to 8". */
    public String validValues() {
        return validValues(allowedValues, range);
    }

    private static String validValues(List<String> allowedValues, Optional<IntRange> range) {
        return range.map(IntRange::toString).orElseGet(() -> "one of " + String.join(", ", allowedValues));
    }

    /** This option, swept over {@code values} by a tuning run. */
    public LoopOption tunedOver(String... values) {
        return new LoopOption(name, defaultValue, allowedValues, range, description, List.of(values), onlyWhen);
    }

    /** This option, which only matters while {@code option} is one of {@code values}: a sweep varies it only then. */
    public LoopOption onlyWhen(String option, String... values) {
        return new LoopOption(name, defaultValue, allowedValues, range, description, tuningValues,
                Optional.of(new Condition(option, List.of(values))));
    }

    @Override
    public String toString() {
        return name + "=" + (allowedValues.isEmpty() ? "<" + description + ">" : String.join("|", allowedValues))
                + " (default " + defaultValue + onlyWhen.map(condition -> "; only with " + condition).orElse("") + ")";
    }
}
