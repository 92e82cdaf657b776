package org.theorycheck.core.claims;

import java.util.List;
import java.util.Set;

/**
 * A measurable prediction: computes, from a check's context (its experiment, rung and seeds), a
 * {@link Measurement} whose deviations are 0 when the prediction is met exactly. One class per idea;
 * claim files name them.
 */
public interface Quantity {

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

    /**
     * Whether it measures training on real text: then its experiments must read a corpus
     * ({@code corpus:}), otherwise they must not (checked when the claim file loads).
     */
    default boolean readsText() {
        return false;
    }

    /** Whether it needs an experiment file. */
    default boolean needsExperiment() {
        return true;
    }

    Measurement measure(CheckContext context);
}
