package dev.loopbench.bench.rounds;

import java.nio.file.Path;
import java.util.List;

/** Runs one single-fork JMH run of one variant for one side, writing JMH's JSON to {@code forkJson}. */
@FunctionalInterface
public interface ForkLauncher {

    /**
     * @param exitCode the process's exit code; {@link #TIMED_OUT} if it was killed at its deadline
     * @param problem  why the fork gave no result, or empty
     */
    record Outcome(int exitCode, String problem) {

        public boolean succeeded() {
            return problem.isEmpty();
        }
    }

    int TIMED_OUT = -1;

    /**
     * @param side       whose jar runs the fork, and whose log and histogram directory it writes to
     * @param jmhArgs    the complete JMH command line of the fork (selection, timing, profiler)
     * @param forkJson   where JMH writes the fork's JSON
     */
    Outcome run(Side side, List<String> jmhArgs, Path forkJson) throws InterruptedException;
}
