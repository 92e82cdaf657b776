package org.theorycheck.core.experiment;

/**
 * How a theory reads its experiment files: the keys they may hold, and the binding of a file's values
 * to the theory's own validated experiment type. The core does the rest: YAML with line numbers,
 * unknown keys, overrides, sweep grids, seeds, names, fingerprints.
 *
 * @param <E> the theory's experiment type
 */
public interface ExperimentSchema<E extends Experiment> {

    /** The theory's id, which a file's {@code theory} key must name if it has one. */
    String theory();

    /** The keys, their types and defaults. */
    ExperimentKeys keys();

    /**
     * The validated experiment. Every problem is a {@link ConfigException} made by
     * {@link ExperimentValues#error}, so that it names the file, the line and the key.
     */
    E bind(ExperimentValues values);
}
