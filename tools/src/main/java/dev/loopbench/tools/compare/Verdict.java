package dev.loopbench.tools.compare;

/** What a comparison concludes about one metric, judged against the threshold. */
public enum Verdict {
    /** Worse beyond doubt (after the family's multiplicity control), and worse than the threshold by the estimate. */
    SLOWER,
    /** Better beyond doubt, and better than the threshold by the estimate. */
    FASTER,
    /** The whole interval lies within plus or minus the threshold. */
    UNCHANGED,
    /** None of these yet: more rounds would tell, or the data cannot support a verdict (see the note). */
    UNDECIDED;

    /** Whether the metric needs no more rounds. */
    public boolean decided() {
        return this != UNDECIDED;
    }

    /** The lower-case word used in tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
