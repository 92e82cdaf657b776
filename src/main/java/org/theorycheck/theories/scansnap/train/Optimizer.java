package org.theorycheck.theories.scansnap.train;

/**
 * Updates one parameter tensor in place from its gradient. Each tensor has its own optimiser instance
 * (it holds that tensor's state, e.g. the momentum buffer), with its own learning rate.
 */
public interface Optimizer {

    /**
     * One step θ ← update(θ, g) on the given rows of a tensor held as rows ({@code theta[r]} is row r),
     * in place; {@code grad} is read only. Rows not given are left as they are, which is their update
     * whenever their gradient is zero at every step (as on the rows {@code MovingRows} leaves out): their
     * state stays zero and so does their step.
     */
    void step(double[][] theta, double[][] grad, int[] rows);

    /** One step on every entry of a tensor held as one array. */
    default void step(double[] theta, double[] grad) {
        step(new double[][] {theta}, new double[][] {grad}, new int[] {0});
    }
}
