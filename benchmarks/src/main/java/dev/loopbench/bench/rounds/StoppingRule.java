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

    /**
     * This rule, or the budget: stops before a round that would, at the average pace so far, end after
     * {@code budget}.
     */
    default StoppingRule withinBudget(Duration budget) {
        return (roundsDone, elapsed) -> stopAfter(roundsDone, elapsed).or(() -> {
            Duration nextRoundEnds = elapsed.plus(elapsed.dividedBy(roundsDone));
            return nextRoundEnds.compareTo(budget) > 0
                    ? Optional.of("the budget of " + Durations.format(budget) + " would be exceeded by another round ("
                    + Durations.format(elapsed) + " used in " + roundsDone + " rounds)")
                    : Optional.empty();
        });
    }
}
