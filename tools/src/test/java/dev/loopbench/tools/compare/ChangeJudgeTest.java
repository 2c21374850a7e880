package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.Direction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict rule on hand-made fork scores, where the interval can be reasoned about. */
class ChangeJudgeTest {

    private static final double[] BASE = {0.95, 1.00, 1.05};

    @Test
    void anIntervalStraddlingTheThresholdIsInconclusive() {
        Change change = ChangeJudge.judge(Direction.LOWER_IS_BETTER, BASE, new double[] {1.05, 1.10, 1.15}, 10);

        assertEquals(1.10, change.ratio().ratio(), 1e-3); // a ratio of geometric means
        assertTrue(change.ratio().low() < 1.10 && change.ratio().high() > 1.10, change.toString());
        assertEquals(Verdict.INCONCLUSIVE, change.verdict());
    }

    @Test
    void anIntervalWithinTheThresholdIsUnchanged() {
        double[] steadyBase = {0.98, 1.00, 1.02};
        Change change = ChangeJudge.judge(Direction.LOWER_IS_BETTER, steadyBase, new double[] {0.99, 1.00, 1.01}, 10);

        assertTrue(change.ratio().low() > 0.9 && change.ratio().high() < 1.1, change.toString());
        assertEquals(Verdict.UNCHANGED, change.verdict());
    }

    @Test
    void theSameRatioIsSlowerForATimeAndFasterForAThroughput() {
        double[] doubled = {1.9, 2.0, 2.1};

        assertEquals(Verdict.SLOWER, ChangeJudge.judge(Direction.LOWER_IS_BETTER, BASE, doubled, 10).verdict());
        assertEquals(Verdict.FASTER, ChangeJudge.judge(Direction.HIGHER_IS_BETTER, BASE, doubled, 10).verdict());
    }

    @Test
    void aChangeWhoseIntervalStaysWithinTheThresholdIsUnchanged() {
        double[] slightlySlower = {1.02, 1.07, 1.12};

        assertEquals(Verdict.UNCHANGED, ChangeJudge.judge(Direction.LOWER_IS_BETTER, BASE, slightlySlower, 30).verdict());
    }

    @Test
    void threeNoisyForksCannotProveAnythingUnchanged() {
        // ±5% between forks: the t interval of 3 forks a side is wider than ±10%, so no verdict either way
        Change change = ChangeJudge.judge(Direction.LOWER_IS_BETTER, BASE, new double[] {0.96, 1.00, 1.04}, 10);

        assertTrue(change.ratio().low() < 0.9 || change.ratio().high() > 1.1, change.toString());
        assertEquals(Verdict.INCONCLUSIVE, change.verdict());
    }

    @Test
    void missingAndNonPositiveScoresAreInconclusive() {
        Change empty = ChangeJudge.judge(Direction.LOWER_IS_BETTER, new double[0], BASE, 10);
        Change zero = ChangeJudge.judge(Direction.LOWER_IS_BETTER, new double[] {0, 0}, BASE, 10);

        assertEquals(Verdict.INCONCLUSIVE, empty.verdict());
        assertEquals("no per-fork raw data in base", empty.note());
        assertEquals(Verdict.INCONCLUSIVE, zero.verdict());
    }
}
