package org.theorycheck.train;

/**
 * Updates one parameter tensor in place from its gradient. Each tensor has its own optimiser instance
 * (it holds that tensor's state, e.g. the momentum buffer), with its own learning rate.
 */
public interface Optimizer {

    /** θ ← update(θ, g): modifies {@code theta} in place; {@code grad} is read only. */
    void step(double[] theta, double[] grad);
}
