package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;

/**
 * The random square matrices of the paper's initialisations (Sec 3) and of its Fig 6, as EJML matrices for
 * the products and decompositions of the spectra; drawn by the theory's one {@link Orthogonal}.
 */
public final class RandomMatrices {

    private RandomMatrices() {}

    /** An n × n matrix of i.i.d. N(0, 1/n) entries: the scaled Gaussian, norm-preserving on average. */
    public static DMatrixRMaj scaledGaussian(int n, UniformRandomProvider rng) {
        requireSize(n);
        return DMatrixRMaj.wrap(n, n, Orthogonal.gaussian(n, n, 1 / Math.sqrt(n), rng).data());
    }

    /** A Haar-random orthogonal n × n matrix ({@link Orthogonal#haar}: QR of a Gaussian with the sign fix). */
    public static DMatrixRMaj haarOrthogonal(int n, UniformRandomProvider rng) {
        requireSize(n);
        return DMatrixRMaj.wrap(n, n, Orthogonal.haar(n, rng).data());
    }

    private static void requireSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row, not " + n);
        }
    }
}
