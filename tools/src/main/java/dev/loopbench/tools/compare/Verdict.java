package dev.loopbench.tools.compare;

/** What a comparison concludes about one metric, judged against the threshold. */
public enum Verdict {
    /** The whole interval lies beyond the threshold in the better direction. */
    FASTER,
    /** The whole interval lies beyond the threshold in the worse direction. */
    SLOWER,
    /** The whole interval lies within plus or minus the threshold. */
    UNCHANGED,
    /** The interval straddles the threshold, or the data cannot support a verdict. */
    INCONCLUSIVE;

    /** The lower-case word used in tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
