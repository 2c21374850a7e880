package dev.loopbench.tools.summary;

import java.util.List;

/**
 * A run read as figures per implementation.
 *
 * @param figures the figures in the order the run measured them
 * @param notes   what the summary could not show, e.g. a limit benchmark absent from the run
 */
public record RunSummary(List<Figure> figures, List<String> notes) {

    public RunSummary {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }
}
