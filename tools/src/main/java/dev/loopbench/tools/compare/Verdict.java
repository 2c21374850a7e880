package dev.loopbench.tools.compare;

/** What a comparison concludes about one metric, judged against the threshold. */
public enum Verdict {
    /** Worse beyond doubt (after the family's multiplicity control), and worse than the threshold by the estimate. */
    SLOWER("slower"),
    /** Worse beyond doubt, but by an estimate under the threshold: reported, and does not fail the gate. */
    SLOWER_UNDER_THRESHOLD("slower, under threshold"),
    /** Better beyond doubt, and better than the threshold by the estimate. */
    FASTER("faster"),
    /** Better beyond doubt, but by an estimate under the threshold. */
    FASTER_UNDER_THRESHOLD("faster, under threshold"),
    /** The whole interval lies within plus or minus the threshold. */
    UNCHANGED("unchanged"),
    /** None of these yet: more rounds would tell, or the data cannot support a verdict (see the note). */
    UNDECIDED("undecided");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Whether the metric needs no more rounds. */
    public boolean decided() {
        return this != UNDECIDED;
    }

    /** The words used in tables. */
    public String label() {
        return label;
    }
}
