package dev.loopbench.tools.results;

/**
 * Which way a metric gets better. Decided from the unit first, because secondary metrics keep their own unit
 * whatever the benchmark's mode ({@code hdr.p99} is in {@code us} inside a {@code thrpt} benchmark), and from the
 * mode only when the unit does not tell.
 */
public enum Direction {
    /** Throughputs: {@code ops/us}, {@code ops/s}. */
    HIGHER_IS_BETTER,
    /** Times and costs: {@code us/op}, {@code us}, {@code wakeups/op}. */
    LOWER_IS_BETTER;

    /**
     * A rate per time unit ({@code x/us}) is higher-is-better; a time ({@code us}) or an amount per
     * operation ({@code us/op}, {@code wakeups/op}) is lower-is-better; otherwise {@code thrpt} mode is
     * higher-is-better and {@code avgt}, {@code sample} and {@code ss} are lower-is-better.
     */
    public static Direction of(String mode, String unit) {
        String trimmed = unit.trim();
        int slash = trimmed.lastIndexOf('/');
        if (slash >= 0) {
            return TimeUnits.isTime(trimmed.substring(slash + 1)) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
        }
        if (TimeUnits.isTime(trimmed)) {
            return LOWER_IS_BETTER;
        }
        return "thrpt".equals(mode) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /**
     * How many times worse {@code value} is than {@code reference}: above 1 is worse, below 1 better.
     * For a time that is value/reference, for a throughput reference/value.
     */
    public double timesWorse(double value, double reference) {
        return this == LOWER_IS_BETTER ? value / reference : reference / value;
    }
}
