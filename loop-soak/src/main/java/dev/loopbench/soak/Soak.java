package dev.loopbench.soak;

import dev.loopbench.loop.EventLoopProvider;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The soak: rounds of {@link SoakRound}, one implementation after another in turn, until the time is up, with a
 * progress line per round, every broken invariant as it is found, and a summary table at the end.
 *
 * <h2>Seeds</h2>
 * The first round runs the given seed and each next round the seed drawn from the one before, whatever the
 * implementation; so a failing round's seed, given back with that implementation alone, replays its schedule as the
 * first round.
 *
 * <h2>Thread contract</h2>
 * One thread calls {@link #run}.
 */
final class Soak {

    private final List<EventLoopProvider> providers;
    private final Duration length;
    private final long firstSeed;
    private final PrintStream out;

    Soak(List<EventLoopProvider> providers, Duration length, long firstSeed, PrintStream out) {
        this.providers = List.copyOf(providers);
        this.length = length;
        this.firstSeed = firstSeed;
        this.out = out;
    }

    /** Runs the soak and returns whether no invariant broke. */
    boolean run() {
        Map<String, LoopTally> tallies = new LinkedHashMap<>();
        providers.forEach(provider -> tallies.put(provider.name(), new LoopTally(provider.name())));
        List<EventLoopProvider> inTurn = new ArrayList<>(providers);
        List<SoakRound.Result> failed = new ArrayList<>();
        long endNanos = System.nanoTime() + length.toNanos();
        long seed = firstSeed;
        int round = 0;
        while (System.nanoTime() < endNanos && !inTurn.isEmpty()) {
            EventLoopProvider provider = inTurn.get(round % inTurn.size());
            SoakRound.Result result = new SoakRound(provider, round, seed).run();
            LoopTally tally = tallies.get(provider.name());
            tally.add(result);
            if (!result.broken().isEmpty()) {
                failed.add(result);
                out.println("  schedule of round " + round + ": " + result.schedule());
                result.broken().forEach(what -> out.println("  BROKEN " + provider.name() + ": " + what));
            }
            if (result.stuck()) {
                inTurn.remove(provider);
                out.println("  " + provider.name() + " is left out of later rounds: its stuck threads may never end");
            }
            long leftSeconds = Math.max(0, (endNanos - System.nanoTime()) / 1_000_000_000);
            out.printf("round %d %s (seed %d): %d ops, %s | %s: %d rounds, %d ops, %d broken | %d s left%n",
                    round, provider.name(), seed, result.counts().operations(),
                    result.broken().isEmpty() ? "ok" : result.broken().size() + " broken", provider.name(),
                    tally.rounds(), tally.operations(), tally.broken(), leftSeconds);
            out.flush();
            seed = new SplittableRandom(seed).nextLong();
            round++;
        }
        out.println();
        out.print(SoakTable.render(new ArrayList<>(tallies.values())));
        if (failed.isEmpty()) {
            out.println("no broken invariant in " + round + " rounds");
            return true;
        }
        out.println("broken invariants in " + failed.size() + " of " + round + " rounds; replay a round's schedule with:");
        failed.forEach(result -> out.println("  scripts/soak.sh --minutes 1 --impls " + result.implementation()
                + " --seed " + result.seed() + "    # round " + result.round() + ", " + result.broken().size()
                + " broken"));
        return false;
    }
}
