package dev.loopbench.bench.rounds;

import java.time.Duration;
import java.util.Optional;

/** Decides after each round of an interleaved run whether to start another. */
@FunctionalInterface
public interface StoppingRule {

    /**
     * @param roundsDone rounds completed so far, at least 1
     * @param elapsed    time since the run started
     * @return why the run stops now, or empty to run another round
     */
    Optional<String> stopAfter(int roundsDone, Duration elapsed);

    /** A fixed number of rounds, as a plain run has one per fork. */
    static StoppingRule fixedRounds(int rounds) {
        return (roundsDone, elapsed) -> roundsDone >= rounds
                ? Optional.of("all " + rounds + " rounds ran") : Optional.empty();
    }

    /** Why another round, at the average pace so far, would end after {@code budget}; empty if it would not. */
    static Optional<String> budgetSpent(int roundsDone, Duration elapsed, Duration budget) {
        Duration nextRoundEnds = elapsed.plus(elapsed.dividedBy(roundsDone));
        return nextRoundEnds.compareTo(budget) > 0
                ? Optional.of("the budget of " + Durations.format(budget) + " would be exceeded by another round ("
                + Durations.format(elapsed) + " used in " + roundsDone + " rounds)")
                : Optional.empty();
    }

    /** The rounds {@code budget} allows at the average pace so far, at least those done. */
    static int roundsWithin(int roundsDone, Duration elapsed, Duration budget) {
        long perRound = Math.max(1, elapsed.toNanos() / roundsDone);
        return (int) Math.max(roundsDone, Math.min(Integer.MAX_VALUE, budget.toNanos() / perRound));
    }
}
