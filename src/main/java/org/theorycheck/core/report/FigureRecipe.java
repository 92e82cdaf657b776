package org.theorycheck.core.report;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.engine.LocalEngine;

import java.util.Map;
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
     * Computes the figure, its independent runs as tasks of {@code engine}; the result does not depend on the engine.
     *
     * @param budget   how many seeds the random parts average over
     * @param progress receives one line per finished piece of work (for long figures)
     */
    FigureResult compute(Budget budget, Engine engine, Consumer<String> progress);

    /**
     * The same figure drawn for experiment files of the user's, by role: {@code ""} for the figure's main
     * experiment, other roles as the figure documents. A figure that draws none
     * refuses.
     *
     * @throws org.theorycheck.core.experiment.ConfigException naming the role if the figure takes none such
     */
    default FigureRecipe drawnFor(Map<String, String> experiments) {
        if (experiments.isEmpty()) {
            return this;
        }
        throw new ConfigException("--experiment", 0, "", "figure " + name() + " is computed from its own experiments; "
                + "it is not drawn for one of yours");
    }

    /** The experiment file the figure is drawn for, whose checks a report lists under it; null if none. */
    default String experiment() {
        return null;
    }

    /**
     * Checks the figure's inputs (files, their agreement with each other) so that a command can refuse
     * before anything runs; cheap.
     */
    default void validate() {
    }

    /** Computes the figure on this machine's cores. */
    default FigureResult compute(Budget budget, Consumer<String> progress) {
        try (Engine engine = new LocalEngine(Runtime.getRuntime().availableProcessors())) {
            return compute(budget, engine, progress);
        }
    }
}
