package org.theorycheck.core.claims;

import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;

import java.util.List;
import java.util.Set;

/**
 * A measurable prediction of a theory: computes, from a check's context (its experiment, rung and
 * seeds), a {@link Measurement} whose deviations are 0 when the prediction is met exactly. One class per
 * idea; claim files name them.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public interface Quantity<E extends Experiment, T extends Trace> {

    /** The name claim files use. */
    String name();

    /** What is measured, and what its deviation means (units). Shown by {@code verify --list}. */
    String description();

    /** The rungs on which the quantity is meaningful. */
    Set<String> rungs();

    /**
     * The parameters it accepts in a check's {@code params}, with their types, allowed values and
     * defaults; claim files are validated against them when they are loaded.
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Whether it needs an experiment file. */
    default boolean needsExperiment() {
        return true;
    }

    /**
     * Throws a {@link org.theorycheck.core.experiment.ConfigException} whose problem says why the quantity
     * cannot measure this experiment (e.g. it measures training on real text and the experiment has none).
     * Claim files are checked with it when they load, for every budget of a check.
     */
    default void requireMeasurable(E experiment) {
    }

    Measurement measure(CheckContext<E, T> context);
}
