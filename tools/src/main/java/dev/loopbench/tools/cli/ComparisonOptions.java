package dev.loopbench.tools.cli;

import dev.loopbench.tools.compare.ComparisonSettings;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.text.Numbers;
import picocli.CommandLine.Option;

import dev.loopbench.tools.results.ResultFileException;
import java.nio.file.Path;

/**
 * How the gate judges, as {@code compare} takes it ({@code --paired}, {@code --threshold}, {@code --thresholds}),
 * a picocli {@code @Mixin}: the options and their checks in one place, read as one {@link ComparisonSettings}.
 * Without {@code --thresholds} the thresholds are those packaged with these classes (the benchmarks jar's own),
 * so that a build's comparison judges with its own thresholds.
 */
final class ComparisonOptions {

    static final String THRESHOLD = "--threshold";

    @Option(names = "--paired")
    private boolean paired;
    @Option(names = THRESHOLD, paramLabel = "PCT")
    private String thresholdPct;
    @Option(names = "--thresholds", paramLabel = "FILE")
    private String thresholdsFile;
    /** The settings of a single comparison, which spends the whole false-alarm rate. */
    ComparisonSettings settings() throws UsageException, ResultFileException {
        double threshold = percent(thresholdPct, THRESHOLD, RunComparator.DEFAULT_THRESHOLD_PCT);
        Thresholds thresholds = thresholdsFile != null
                ? Thresholds.read(Path.of(thresholdsFile), threshold)
                : thresholdPct != null ? Thresholds.uniform(threshold)
                : Thresholds.packaged(threshold).orElse(Thresholds.uniform(threshold));
        return new ComparisonSettings(paired, thresholds, ComparisonSettings.DEFAULT_FAMILY_ALPHA,
                ComparisonSettings.DEFAULT_FAMILY_ALPHA);
    }

    /** A percentage above 0 and below 100, with or without {@code %}; {@code otherwise} when not given. */
    static double percent(String value, String option, double otherwise) throws UsageException {
        String given = value == null ? Numbers.plain(otherwise) : value;
        String number = given.endsWith("%") ? given.substring(0, given.length() - 1) : given;
        try {
            double percent = Double.parseDouble(number);
            if (percent > 0 && percent < 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below, with what would be right
        }
        throw new UsageException(option + " must be a percentage above 0 and below 100, e.g. " + option + " 10; got '" + given + "'");
    }
}
