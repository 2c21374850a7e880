package dev.loopbench.soak;

/** What the soak did with one implementation, summed over its rounds. Soak thread only. */
final class LoopTally {

    private final String implementation;
    private int rounds;
    private long tasks;
    private long futures;
    private long offloads;
    private long interrupts;
    private long closes;
    private long operations;
    private int broken;
    private boolean leftOut;

    LoopTally(String implementation) {
        this.implementation = implementation;
    }

    void add(SoakRound.Result result) {
        RoundCounts counts = result.counts();
        rounds++;
        tasks += counts.tasks.sum();
        futures += counts.futures.sum();
        offloads += counts.offloads.sum();
        interrupts += counts.interrupts.sum();
        closes += counts.closes.sum();
        operations += counts.operations();
        broken += result.broken().size();
        leftOut |= result.stuck();
    }

    String implementation() {
        return implementation;
    }

    int rounds() {
        return rounds;
    }

    long tasks() {
        return tasks;
    }

    long futures() {
        return futures;
    }

    long offloads() {
        return offloads;
    }

    long interrupts() {
        return interrupts;
    }

    long closes() {
        return closes;
    }

    long operations() {
        return operations;
    }

    int broken() {
        return broken;
    }

    /** Whether a stuck operation left this implementation out of later rounds. */
    boolean leftOut() {
        return leftOut;
    }
}
