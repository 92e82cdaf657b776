package org.theorycheck.core.ladder;

import org.theorycheck.core.experiment.Experiment;

import java.util.function.DoubleConsumer;

/**
 * One rung of a theory's ladder of approximations. The top rung is the real thing (a network trained
 * with SGD); each rung below drops one assumption of the rung above it. Every rung of a theory consumes
 * the same experiment type and returns the same trace type, on one time axis (the top rung's steps), so
 * that any two rungs are compared by one piece of code and the rung where a prediction stops holding
 * names the assumption to blame.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public interface Rung<E extends Experiment, T extends Trace> {

    /** The rung's name in claim files and on the command line. */
    String name();

    /** Computes the trace of the experiment with this seed: a pure function of the two (and the rung). */
    T run(E experiment, long seed);

    /**
     * As {@link #run(Experiment, long)}, telling {@code progress} the time reached (steps, non-decreasing)
     * as the computation goes, for progress bars. Rungs that finish quickly report nothing.
     */
    default T run(E experiment, long seed, DoubleConsumer progress) {
        return run(experiment, seed);
    }

    /**
     * Whether the seed changes the trace (sampled minibatches, a random initialisation). A deterministic
     * rung is run with the first seed only: every other would give the same trace.
     */
    default boolean isRandom(E experiment) {
        return true;
    }

    /**
     * Throws a {@link org.theorycheck.core.experiment.ConfigException} naming the key if this rung cannot
     * compute the experiment (an optimiser the rung's equations do not describe, a model variant outside
     * its assumptions). Claim files are checked with it when they are loaded, before anything runs.
     */
    default void requireApplicable(E experiment) {
    }

    /**
     * Reads what runs of this experiment need from outside (a corpus), and checks it, so that a command
     * that is about to start many runs stops with a clear error before it starts any. Cheap to call again.
     */
    default void prepare(E experiment) {
    }
}
