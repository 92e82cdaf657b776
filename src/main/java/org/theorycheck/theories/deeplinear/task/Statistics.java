package org.theorycheck.theories.deeplinear.task;

import org.theorycheck.theories.deeplinear.linalg.Matrix;

/**
 * What full-batch learning sees of a data set (paper §1): the input correlation {@code Σ11 = Σ_μ x xᵀ}
 * (N1×N1) and the input-output correlation {@code Σ31 = Σ_μ y xᵀ} (N3×N1). Both are <b>sums</b> over
 * the P examples, not means, as in the paper; the loss they belong to is the sum
 * {@code Σ_μ ||y − W x||²} with no ½ and no 1/P (see {@code ladder.LearningRate} for what that means for
 * a rate).
 *
 * @param identityInput whether Σ11 is exactly the identity (one-hot or orthonormal inputs), which lets
 *                      the kernels skip the product with Σ11
 */
public record Statistics(Matrix sigma11, Matrix sigma31, boolean identityInput) {

    public Statistics {
        if (sigma11.rows() != sigma11.cols() || sigma31.cols() != sigma11.rows()) {
            throw new IllegalArgumentException("Σ11 must be N1×N1 and Σ31 N3×N1; got " + sigma11 + " and " + sigma31);
        }
        if (identityInput && !sigma11.equals(Matrix.identity(sigma11.rows()))) {
            throw new IllegalArgumentException("identityInput is set but Σ11 is not exactly the identity");
        }
    }

    /** Statistics of the samples (rows of {@code inputs} and {@code targets}), as sums over the rows. */
    public static Statistics of(Matrix inputs, Matrix targets) {
        Matrix s11 = inputs.transposeTimes(inputs);
        Matrix s31 = targets.transposeTimes(inputs);
        return new Statistics(s11, s31, s11.equals(Matrix.identity(s11.rows())));
    }

    public int inputs() {
        return sigma11.rows();
    }

    public int outputs() {
        return sigma31.rows();
    }
}
