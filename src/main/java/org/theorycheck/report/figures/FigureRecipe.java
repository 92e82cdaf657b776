package org.theorycheck.report.figures;

import java.util.function.Consumer;

/**
 * One of the paper's figures, recomputed from scratch: it runs what the figure needs (SGD, rungs,
 * closed forms), and returns the chart, the data behind it and the few numbers that summarise it.
 * Which steps, rates and seeds a figure shows is the recipe's business; the experiment files only
 * declare the experiments.
 */
public interface FigureRecipe {

    /** The name on the command line and of the output files, e.g. {@code fig3}. */
    String name();

    /**
     * Computes the figure.
     *
     * @param budget   how many seeds the random parts average over
     * @param progress receives one line per finished piece of work (for long figures)
     */
    FigureResult compute(Budget budget, Consumer<String> progress);
}
