package org.theorycheck.theories.deeplinear.nonlinear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.spectra.Measurement;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.RandomMatrices;
import org.apache.commons.rng.simple.RandomSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OrthogonalTanhNetworkTest {

    private static final VarianceMap TANH = VarianceMap.tanh();
    private static VarianceSettings fig8;
    private static double[][] simulated;
    private static JacobianSettings fig7;
    private static double[][] jacobian;

    @BeforeAll
    static void run() {
        fig8 = VarianceSettings.quick();
        simulated = new OrthogonalTanhNetwork(fig8.width(), fig8.layers(), 1).variances(fig8.gains(), fig8.inputVariance());
        fig7 = JacobianSettings.quick();
        jacobian = new OrthogonalTanhNetwork(fig7.width(), fig7.layers(), 2).jacobianSingularValues(fig7.gains(), 1);
    }

    @Test
    void theJacobianIsTheDerivativeOfTheForwardMap() {
        OrthogonalTanhNetwork net = new OrthogonalTanhNetwork(6, 4, 9);
        double gain = 1.2;
        double[] x1 = net.input(2);
        double h = 1e-6;
        DMatrixRMaj numeric = new DMatrixRMaj(6, 6);
        for (int j = 0; j < 6; j++) {
            double[] up = x1.clone();
            double[] down = x1.clone();
            up[j] += h;
            down[j] -= h;
            double[] yUp = forward(net, up, gain);
            double[] yDown = forward(net, down, gain);
            for (int i = 0; i < 6; i++) {
                numeric.set(i, j, (yUp[i] - yDown[i]) / (2 * h));
            }
        }
        double[] expected = ProductSpectra.singularValues(numeric);
        double[] got = net.jacobianSingularValues(new double[] {gain}, 2)[0];
        for (int i = 0; i < 6; i++) {
            assertThat(got[i]).isCloseTo(expected[i], within(1e-8));
        }
    }

    private static double[] forward(OrthogonalTanhNetwork net, double[] x, double gain) {
        double[] out = x;
        for (int l = 1; l < 4; l++) {
            DMatrixRMaj w = net.weight(l);
            double[] a = new double[out.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = Math.tanh(out[j]);
            }
            DMatrixRMaj y = new DMatrixRMaj(a.length, 1);
            CommonOps_DDRM.mult(gain, w, DMatrixRMaj.wrap(a.length, 1, a), y);
            out = y.data;
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        double[][] again = new OrthogonalTanhNetwork(fig8.width(), fig8.layers(), 1).variances(fig8.gains(), fig8.inputVariance());
        assertThat(again).isDeepEqualTo(simulated);
        assertThat(simulated[0][0]).as("eq 21 at the input layer").isCloseTo(1, within(0.3));
    }

    @Test
    void prediction24TheNetworkFollowsTheVarianceMap() {
        Measurement m = NonlinearPredictions.simulationAgreement(fig8, simulated, TANH);
        assertThat(m.deviation()).as(m.text()).isLessThan(0.1);
    }

    /** The same simulation read as if its gains were 0.2 larger. */
    @Test
    void prediction24NegativeControlMislabelledGains() {
        double[] shifted = fig8.gains();
        for (int g = 0; g < shifted.length; g++) {
            shifted[g] += 0.2;
        }
        VarianceSettings wrong = new VarianceSettings(fig8.width(), fig8.layers(), shifted, fig8.inputVariance(), 5);
        assertThat(NonlinearPredictions.simulationAgreement(wrong, simulated, TANH).deviation()).isGreaterThan(0.2);
    }

    @Test
    void prediction25AtGainOneMostSingularValuesStayWithinADecade() {
        Measurement m = NonlinearPredictions.isometricFraction(jacobian[1]);
        assertThat(m.deviation()).as(m.text()).isLessThan(0.5);
    }

    /** A product of 99 scaled Gaussian 100 × 100 matrices: its singular values span many decades. */
    @Test
    void prediction25NegativeControlAGaussianProductIsFarFromIsometry() {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        DMatrixRMaj product = RandomMatrices.scaledGaussian(100, rng);
        DMatrixRMaj next = new DMatrixRMaj(100, 100);
        for (int l = 1; l < 20; l++) {
            CommonOps_DDRM.mult(RandomMatrices.scaledGaussian(100, rng), product, next);
            product.setTo(next);
        }
        assertThat(NonlinearPredictions.isometricFraction(ProductSpectra.singularValues(product)).deviation()).isGreaterThan(0.5);
    }

    @Test
    void prediction25TheSpectrumToleratesALargerGainBetter() {
        Measurement m = NonlinearPredictions.gainAsymmetry(0.9, jacobian[0], 1.1, jacobian[2]);
        assertThat(m.deviation()).as(m.text()).isZero();
        assertThat(NonlinearPredictions.gainAsymmetry(1.1, jacobian[2], 0.9, jacobian[0]).deviation())
                .as("negative control: the gains swapped").isGreaterThan(1);
    }

    @Test
    void figureTables() {
        assertThat(NonlinearFigures.fixedPoints(fig8, simulated, TANH).column("q_sim")).hasSize(16);
        assertThat(NonlinearFigures.varianceMap(TANH, 1, 4, 41).column("q_next")[40]).isLessThan(4);
        assertThat(NonlinearFigures.jacobianHistogram(fig7.gains(), jacobian, 1, 40).columns()).containsKeys("density_g0.9", "density_g1.1");
    }

    @Test
    void settingsNameTheKeyAtFault() {
        assertThatThrownBy(() -> new VarianceSettings(1, 30, new double[] {1}, 1, 5)).hasMessageStartingWith("network.width:");
        assertThatThrownBy(() -> new VarianceSettings(10, 30, new double[] {-1}, 1, 5)).hasMessageStartingWith("network.gains:");
        assertThatThrownBy(() -> new VarianceSettings(10, 30, new double[] {1}, 5, 5)).hasMessageStartingWith("network.input_variance:");
        assertThatThrownBy(() -> new VarianceSettings(10, 30, new double[] {1}, 1, 31)).hasMessageStartingWith("network.averaged_layers:");
        assertThatThrownBy(() -> new JacobianSettings(10, 1, new double[] {1}, new double[] {1})).hasMessageStartingWith("network.layers:");
        assertThatThrownBy(() -> new JacobianSettings(10, 5, new double[] {1}, new double[] {0})).hasMessageStartingWith("network.input_variances:");
    }
}
