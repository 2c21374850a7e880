package dev.loopbench.loop;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values of an option that picks one of a table's rows by alias (an idle strategy, a queue type): the rows are
 * an enum, each row says its alias once, and these two lookups serve every such table.
 */
public final class Aliases {

    private Aliases() {
    }

    /** Every row's alias, in declaration order. */
    public static <E> List<String> of(E[] rows, Function<E, String> alias) {
        return Arrays.stream(rows).map(alias).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The row whose alias is {@code wanted}.
     *
     * @param what what the rows are, for the message, e.g. "MPSC queue"
     * @throws IllegalArgumentException naming the valid aliases
     */
    public static <E> E find(E[] rows, Function<E, String> alias, String wanted, String what) {
        for (E row : rows) {
            if (alias.apply(row).equals(wanted)) {
                return row;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + wanted + "'; valid ones are "
                + String.join(", ", of(rows, alias)));
    }
}
