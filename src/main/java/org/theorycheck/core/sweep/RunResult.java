package org.theorycheck.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one sweep run at its last step.
 *
 * @param cell   index of its grid cell
 * @param seed   its seed
 * @param values the run's observables, in the order of {@link SweepPlan#observables()}
 */
public record RunResult(int cell, long seed, List<Double> values) implements Serializable {

    public RunResult {
        values = List.copyOf(values);
    }

    public RunResult(int cell, long seed, double... values) {
        this(cell, seed, java.util.Arrays.stream(values).boxed().toList());
    }
}
