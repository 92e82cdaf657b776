package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** The random square matrices of the paper's initialisations (Sec 3) and of its Fig 6. */
public final class RandomMatrices {

    private RandomMatrices() {}

    /** An n × n matrix of i.i.d. N(0, 1/n) entries: the scaled Gaussian, norm-preserving on average. */
    public static DMatrixRMaj scaledGaussian(int n, UniformRandomProvider rng) {
        return gaussian(n, 1 / Math.sqrt(n), rng);
    }

    /**
     * A random orthogonal n × n matrix, distributed uniformly (Haar): Q of the QR decomposition of a
     * matrix of i.i.d. N(0, 1) entries, each column of Q multiplied by the sign of the matching diagonal
     * entry of R. Without that sign fix the factorisation's sign convention makes Q's distribution
     * depend on the algorithm, not Haar (Mezzadri 2007, "How to generate random matrices from the
     * classical compact groups").
     */
    public static DMatrixRMaj haarOrthogonal(int n, UniformRandomProvider rng) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(gaussian(n, 1, rng))) {
            throw new IllegalStateException("the QR decomposition of a Gaussian " + n + " x " + n + " matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    private static DMatrixRMaj gaussian(int n, double std, UniformRandomProvider rng) {
        if (n < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row, not " + n);
        }
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * normal.sample();
        }
        return m;
    }
}
