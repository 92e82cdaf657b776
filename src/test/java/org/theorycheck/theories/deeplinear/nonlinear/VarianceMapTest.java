package org.theorycheck.theories.deeplinear.nonlinear;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.spectra.Measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VarianceMapTest {

    /** What {@link VarianceMap#MAX_VARIANCE} promises of the default rule. */
    private static final double QUADRATURE = 1e-5;

    private static final VarianceMap TANH = VarianceMap.tanh();

    @Test
    void theHermiteRuleMatchesAnAdaptiveIntegralUpToTheLargestVarianceAccepted() {
        IterativeLegendreGaussIntegrator adaptive = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-15);
        for (double q : new double[] {1e-4, 0.3, 1, 2, VarianceMap.MAX_VARIANCE}) {
            double reference = adaptive.integrate(1_000_000, z -> {
                double t = Math.tanh(Math.sqrt(q) * z);
                return t * t * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            }, -12, 12);
            assertThat(TANH.next(q, 1.3)).as("q = " + q).isCloseTo(1.69 * reference, within(QUADRATURE));
        }
        assertThatThrownBy(() -> TANH.next(VarianceMap.MAX_VARIANCE * 1.01, 1)).hasMessageStartingWith("network.input_variance:");
    }

    @Test
    void aLinearNetworkMultipliesTheVarianceByTheSquaredGain() {
        VarianceMap linear = new VarianceMap(x -> x, 10);
        assertThat(linear.next(0.7, 1.5)).isCloseTo(2.25 * 0.7, within(1e-14));
    }

    @Test
    void theFixedPointIsAFixedPointAndZeroBelowTheCriticalGain() {
        double q = TANH.fixedPoint(1.5);
        assertThat(q).isGreaterThan(0.5);
        assertThat(TANH.next(q, 1.5)).isCloseTo(q, within(1e-12));
        assertThat(TANH.fixedPoint(0.95)).isZero();
        double[] iterates = TANH.iterate(1, 1.5, 60);
        assertThat(iterates[59]).as("eq 48 iterated converges to eq 49's root").isCloseTo(q, within(1e-10));
        assertThat(TANH.iterate(1, 0.8, 60)[59]).isLessThan(1e-10);
    }

    @Test
    void prediction24TheCriticalGainOfTanhIsOne() {
        Measurement m = NonlinearPredictions.criticalGain(TANH);
        assertThat(m.deviation()).as(m.text()).isLessThan(1e-7);
    }

    /** tanh(x)/1.5 has slope 2/3 at 0, so its variance map turns positive only past g = 1.5. */
    @Test
    void prediction24NegativeControlAFlatterNonlinearityHasAnotherCriticalGain() {
        VarianceMap flatter = new VarianceMap(x -> Math.tanh(x) / 1.5, 40);
        assertThat(NonlinearPredictions.criticalGain(flatter).deviation()).isCloseTo(0.5, within(1e-6));
    }
}
