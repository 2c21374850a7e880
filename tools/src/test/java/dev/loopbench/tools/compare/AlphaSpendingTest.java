package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.RoundSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlphaSpendingTest {

    private static final double ALPHA = 0.05;

    @Test
    void earlyLooksSpendAlmostNothingAndTheWholeRateIsSpentByTheEnd() {
        double previous = 0;
        for (double fraction = 0.1; fraction < 1; fraction += 0.1) {
            double spent = AlphaSpending.spentBy(ALPHA, fraction);
            assertTrue(spent > previous && spent < ALPHA, fraction + ": " + spent);
            previous = spent;
        }
        assertTrue(AlphaSpending.spentBy(ALPHA, 4.0 / 30) < 1e-6);
        assertEquals(ALPHA, AlphaSpending.spentBy(ALPHA, 1), 1e-15);
    }

    @Test
    void theLastLookSpendsTheRestSoTheLooksTakenNeverSpendMoreThanTheRate() {
        // a 20-minute budget that reaches 9 rounds: looks at 4, 6 and the last round, 9
        double spent = 0;
        int[] looks = {4, 6, 9};
        for (int look : looks) {
            spent += AlphaSpending.lookLevel(ALPHA, spent, look / 9.0, look == 9);
        }
        assertEquals(ALPHA, spent, 1e-12);
        // the last look keeps most of the rate, where a split over 6 planned looks gives each 0.05 / 6
        double last = ALPHA - AlphaSpending.spentBy(ALPHA, 6.0 / 9);
        assertTrue(last > 3 * ALPHA / 6, "last look's level " + last);
    }

    @Test
    void theFinalComparisonSpendsWhatTheEarlierLooksOfTheScheduleLeft() {
        RoundSchedule schedule = schedule(List.of(new RoundSchedule.Look(4, 0.001), new RoundSchedule.Look(6, 0.004),
                new RoundSchedule.Look(9, 0.045)), Optional.empty());
        RoundSchedule older = schedule(List.of(), Optional.of(6));
        RoundSchedule plain = schedule(List.of(), Optional.empty());

        assertEquals(0.045, AlphaSpending.finalLevel(ALPHA, schedule), 1e-12);
        assertEquals(ALPHA / 6, AlphaSpending.finalLevel(ALPHA, older), 1e-12);
        assertEquals(ALPHA, AlphaSpending.finalLevel(ALPHA, plain), 1e-12);
    }

    private static RoundSchedule schedule(List<RoundSchedule.Look> looks, Optional<Integer> maxLooks) {
        List<RoundSchedule.Round> rounds = IntStream.rangeClosed(1, 9)
                .mapToObj(round -> new RoundSchedule.Round(round, 2, 0, Double.NaN, Double.NaN, 0)).toList();
        return new RoundSchedule(rounds, List.of(), Map.of(), looks, maxLooks);
    }
}
