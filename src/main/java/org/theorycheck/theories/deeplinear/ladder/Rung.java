package org.theorycheck.theories.deeplinear.ladder;

/**
 * One rung of the ladder: a way of computing the learning dynamics, from the real network (sgd) down to
 * the closed forms. Every rung returns the same series on the same time axis ({@link DeepLinearTrace}).
 */
public interface Rung {

    /** The rung's name: sgd, gd, flow, modes, decoupled or closed. */
    String name();

    /**
     * Runs the configuration from the seed's initial weights: same (run, seed), same bits.
     *
     * @throws IllegalArgumentException if the rung cannot run this configuration (it says which key)
     * @throws org.theorycheck.theories.deeplinear.DivergenceException if the state stops being finite
     */
    DeepLinearTrace run(DeepLinearRun run, long seed);
}
