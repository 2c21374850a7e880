package dev.loopbench.tools.results;

import java.util.Map;
import java.util.OptionalDouble;

/** The time units JMH writes in unit labels, and conversion of scores to a common time per operation. */
public final class TimeUnits {

    /** The hdr.* metrics and the .hgrm files are in microseconds; the recorders count nanoseconds. */
    public static final double NANOS_PER_MICRO = 1000.0;

    private static final Map<String, Double> NANOS = Map.of(
            "ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "sec", 1e9, "min", 60e9, "hr", 3600e9, "day", 86400e9);
    private static final String OPERATION = "op";
    private static final String OPERATIONS = "ops";

    private TimeUnits() {
    }

    public static boolean isTime(String unit) {
        return NANOS.containsKey(unit);
    }

    /**
     * The score as nanoseconds per operation: {@code 2 us/op} is 2000, {@code 4 ops/us} is 250, and a bare time
     * such as a latency percentile in {@code us} is the time of one operation. Empty for units that are not a
     * time per operation or operations per time, such as {@code wakeups/op}.
     */
    public static OptionalDouble nanosPerOperation(double score, String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return isTime(unit) ? OptionalDouble.of(score * NANOS.get(unit)) : OptionalDouble.empty();
        }
        String numerator = unit.substring(0, slash);
        String denominator = unit.substring(slash + 1);
        if (OPERATION.equals(denominator) && isTime(numerator)) {
            return OptionalDouble.of(score * NANOS.get(numerator));
        }
        if (OPERATIONS.equals(numerator) && isTime(denominator)) {
            return OptionalDouble.of(NANOS.get(denominator) / score);
        }
        return OptionalDouble.empty();
    }
}
