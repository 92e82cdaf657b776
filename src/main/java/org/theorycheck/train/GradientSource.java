package org.theorycheck.train;

import org.theorycheck.model.YZModel;

/**
 * Where a training step's gradient comes from: a sampled minibatch (rung 1, SGD) or the exact
 * expectation (rung 2, the expected-gradient map). Same optimiser, same loop, only this differs.
 */
public interface GradientSource {

    /**
     * Writes the loss gradient at the model's current parameters into {@code gradY}, {@code gradZ}
     * (zeroed by the caller) and returns the loss it averaged (nats).
     */
    double gradient(YZModel model, double[] gradY, double[] gradZ);
}
