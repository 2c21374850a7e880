package dev.loopbench.tools.summary;

import dev.loopbench.tools.results.Direction;

import java.util.List;

/**
 * A figure and the implementations measured for it.
 *
 * @param key       the benchmark, non-impl parameters and metric
 * @param direction which way the figure gets better, which decides the best implementation
 * @param impls     the implementations in the order the run measured them
 */
public record Figure(FigureKey key, Direction direction, List<ImplScore> impls) {

    public Figure {
        impls = List.copyOf(impls);
    }
}
