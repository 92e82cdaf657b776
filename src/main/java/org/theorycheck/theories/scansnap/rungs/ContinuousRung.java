package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.train.RecordSteps;

/**
 * A rung that lives in continuous time (gradient flow, reduced dynamics, closed forms): it can report its
 * state at any times, not only at the SGD record steps — e.g. exactly at a predicted snap time that
 * falls between two steps.
 */
public interface ContinuousRung extends Rung<ExperimentConfig, ScanSnapTrace> {

    /**
     * The trajectory sampled at {@code times} (SGD steps, ascending, first 0, last at most train.steps;
     * integration runs to the last of them).
     */
    Trajectory runAt(ExperimentConfig config, long seed, double[] times);

    /** Deterministic, but from a random initialisation ({@code model.init: uniform}) the seed draws it. */
    @Override
    default boolean isRandom(ExperimentConfig config) {
        return config.model().init() != ModelSpec.Init.ZERO;
    }

    /** Sampled at the SGD record steps. */
    @Override
    default Trajectory run(ExperimentConfig config, long seed) {
        return runAt(config, seed, RecordSteps.of(config.train()));
    }
}
