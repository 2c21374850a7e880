package dev.loopbench.soak;

import java.util.List;

/** Renders the soak's summary: one row per implementation. */
final class SoakTable {

    private static final String ROW = "%-15s %7s %12s %12s %10s %11s %7s %7s%n";

    private SoakTable() {
    }

    static String render(List<LoopTally> tallies) {
        StringBuilder table = new StringBuilder(String.format(ROW, "impl", "rounds", "tasks", "futures", "offloads",
                "interrupts", "closes", "broken"));
        for (LoopTally tally : tallies) {
            table.append(String.format(ROW, tally.implementation(), tally.rounds(), tally.tasks(), tally.futures(),
                    tally.offloads(), tally.interrupts(), tally.closes(),
                    tally.broken() + (tally.leftOut() ? " (stuck: left out of later rounds)" : "")));
        }
        return table.toString();
    }
}
