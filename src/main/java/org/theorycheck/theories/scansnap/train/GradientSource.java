package org.theorycheck.theories.scansnap.train;

/**
 * Where a training step's gradient comes from: a sampled minibatch (rung 1, SGD) or the exact
 * expectation (rung 2, the expected-gradient map). Same optimiser, same loop, only this differs.
 */
public interface GradientSource {

    /**
     * Writes the loss gradient at (Y, Z) into {@code gradY}, {@code gradZ} and returns the loss it averaged
     * (nats). All four are M×M matrices held as rows ({@code y[l]} is row l) of which only the rows
     * {@link org.theorycheck.theories.scansnap.model.MovingRows} names exist (the gradient is zero on the others); Y and Z
     * are read only, and the gradient rows are zero on entry.
     */
    double gradient(double[][] y, double[][] z, double[][] gradY, double[][] gradZ);
}
