package org.theorycheck.core.ladder;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.function.DoubleConsumer;

/**
 * One rung of the ladder of approximations (paper file §6). Every rung consumes the same experiment
 * declaration and returns the same {@link Trajectory} type, sampled at the SGD record steps, so any two
 * rungs can be compared by one piece of code. Each rung drops one assumption of the rung above it:
 * transformer (a real transformer) → sgd (the YZ reparametrization, §1.1) → map (T → ∞, exact class average) → flow (η → 0) → reduced (Assumptions 1–2, Eqn. 10) →
 * closed (Appendix F's simplified model).
 */
public interface Rung {

    /** The rung's name in claim files and on the command line: transformer, sgd, map, flow, reduced or closed. */
    String name();

    /**
     * Computes the trajectory of the configured experiment. The seed matters only where the rung is
     * random (SGD's minibatches, a uniform initialisation).
     */
    Trajectory run(ExperimentConfig config, long seed);

    /**
     * As {@link #run(ExperimentConfig, long)}, telling {@code progress} the time reached (SGD steps,
     * non-decreasing) as the computation goes, for progress bars. Rungs that finish quickly report
     * nothing.
     */
    default Trajectory run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        return run(config, seed);
    }

    /**
     * Throws a {@link org.theorycheck.core.experiment.ConfigException} naming the key if this rung cannot compute
     * the configured experiment (Adam on a continuous-time rung, a model variant the rung's equations
     * do not describe). Claim files are checked with it when they are loaded, before anything runs.
     */
    default void requireApplicable(ExperimentConfig config) {
    }
}
