package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomMatricesTest {

    /** QᵀQ − I of a Householder QR of a well-conditioned 200 × 200 matrix. */
    private static final double ORTHOGONALITY = 1e-12;
    private static final int SAMPLES = 4000;

    @Test
    void haarMatricesAreOrthogonal() {
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(200, rng(1));
        DMatrixRMaj qtq = new DMatrixRMaj(200, 200);
        CommonOps_DDRM.multTransA(q, q, qtq);
        for (int i = 0; i < 200; i++) {
            qtq.add(i, i, -1);
        }
        assertThat(CommonOps_DDRM.elementMaxAbs(qtq)).isLessThan(ORTHOGONALITY);
    }

    /**
     * Under Haar measure on O(4), Q11 is symmetric about 0 (mean 0, variance 1/4) and tr Q has mean 0
     * and mean square 1. Without the sign fix a Householder QR makes Q11 = −|g11|/‖g1‖ < 0 always: the
     * negative control.
     */
    @Test
    void theSignFixMakesTheDistributionHaar() {
        UniformRandomProvider rng = rng(2);
        double q11 = 0;
        double q11Squared = 0;
        double trace = 0;
        double traceSquared = 0;
        double rawQ11 = 0;
        for (int s = 0; s < SAMPLES; s++) {
            DMatrixRMaj q = RandomMatrices.haarOrthogonal(4, rng);
            q11 += q.get(0, 0) / SAMPLES;
            q11Squared += q.get(0, 0) * q.get(0, 0) / SAMPLES;
            double t = CommonOps_DDRM.trace(q);
            trace += t / SAMPLES;
            traceSquared += t * t / SAMPLES;
            DMatrixRMaj g = new DMatrixRMaj(4, 4);
            for (int i = 0; i < 16; i++) {
                g.data[i] = rng.nextDouble() - 0.5;
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(4, 4);
            qr.decompose(g);
            rawQ11 += qr.getQ(null, false).get(0, 0) / SAMPLES;
        }
        double standardError = Math.sqrt(0.25 / SAMPLES);
        assertThat(q11).isCloseTo(0, within(4 * standardError));
        assertThat(q11Squared).isCloseTo(0.25, within(0.02));
        assertThat(trace).isCloseTo(0, within(4 * Math.sqrt(1.0 / SAMPLES)));
        assertThat(traceSquared).isCloseTo(1, within(0.1));
        assertThat(rawQ11).as("QR without the sign fix").isLessThan(-0.3);
    }

    @Test
    void scaledGaussianEntriesHaveVarianceOneOverN() {
        DMatrixRMaj g = RandomMatrices.scaledGaussian(300, rng(3));
        double sum = 0;
        double squares = 0;
        for (double v : g.data) {
            sum += v;
            squares += v * v;
        }
        int count = g.data.length;
        assertThat(sum / count).isCloseTo(0, within(4 * Math.sqrt(1.0 / 300 / count)));
        assertThat(squares / count * 300).isCloseTo(1, within(0.01));
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }
}
