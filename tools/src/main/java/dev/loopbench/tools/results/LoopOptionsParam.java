package dev.loopbench.tools.results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' {@code loopOptions} parameter: a loop's options as one JMH parameter value,
 * {@code key=value;key=value} in the order given, empty for the loop's defaults. One parameter carries every
 * implementation's options because JMH parameters belong to a benchmark class, not to one implementation. The
 * benchmarks write it and the tools read it, both through this class.
 */
public final class LoopOptionsParam {

    /** The parameter's name in {@code -p} and in a result's {@code params}. */
    public static final String NAME = "loopOptions";

    private static final String SEPARATOR = ";";
    private static final String ASSIGNMENT = "=";

    private LoopOptionsParam() {
    }

    /** {@code {idle=spin, queue=array}} to {@code idle=spin;queue=array}. */
    public static String encode(Map<String, String> options) {
        StringBuilder value = new StringBuilder();
        options.forEach((key, optionValue) -> {
            if (key.isEmpty() || key.contains(SEPARATOR) || key.contains(ASSIGNMENT) || key.contains(",")
                    || optionValue.contains(SEPARATOR) || optionValue.contains(",")) {
                throw new IllegalArgumentException("option " + key + "=" + optionValue
                        + " cannot be written as a loopOptions value: a key must be non-empty without ';', ',' or '=',"
                        + " a value without ';' or ','");
            }
            value.append(value.length() == 0 ? "" : SEPARATOR).append(key).append(ASSIGNMENT).append(optionValue);
        });
        return value.toString();
    }

    /**
     * {@code idle=spin;queue=array} to {@code {idle=spin, queue=array}}, in that order.
     *
     * @throws IllegalArgumentException naming the malformed part and the expected form
     */
    public static Map<String, String> decode(String value) {
        Map<String, String> options = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return options;
        }
        for (String assignment : value.split(SEPARATOR)) {
            int equals = assignment.indexOf(ASSIGNMENT);
            if (equals <= 0) {
                throw new IllegalArgumentException(NAME + " '" + value + "': '" + assignment
                        + "' is not key=value; expected e.g. idle=spin;queue=array");
            }
            String key = assignment.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(NAME + " '" + value + "': '" + assignment
                        + "' has no option name; expected e.g. idle=spin;queue=array");
            }
            if (options.put(key, assignment.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException(NAME + " '" + value + "' sets '" + key + "' twice");
            }
        }
        return options;
    }

    /** The value {@code params} give option {@code key}, or {@code null} when they leave it at the default. */
    public static String option(Map<String, String> params, String key) {
        return decode(params.get(NAME)).get(key);
    }
}
