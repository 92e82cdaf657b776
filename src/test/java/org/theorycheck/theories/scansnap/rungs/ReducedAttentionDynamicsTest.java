package org.theorycheck.theories.scansnap.rungs;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.DataSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Eqn. 10's right-hand side at random states, against identities the paper derives from it. */
class ReducedAttentionDynamicsTest {

    /** The identities are algebraic: only rounding separates the two sides. */
    private static final double ROUNDING = 1e-12;
    private static final double ETA_Z = 0.7;
    private static final double TIME = 3.5;

    private static double[] randomState(ReducedAttentionDynamics dynamics, int vocabulary, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] rows = new double[dynamics.getDimension() / vocabulary][vocabulary];
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextDouble() * 2 - 1;
            }
        }
        return dynamics.initialState(rows);
    }

    @Test
    void distinctTokensMoveAtEtaZTimesFSquaredTimesXiEqn98() {
        SequenceClasses classes = SyntheticFamily.build(new DataSpec(2, 3, 4, 2, 5, 1, 0.1, 1, 127));
        DecoderClosedForm decoder = new DecoderClosedForm(classes.vocabulary(), classes.classes(), 2);
        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, ETA_Z);
        double[] state = randomState(dynamics, classes.vocabulary(), 11);
        double[] derivative = dynamics.computeDerivatives(TIME, state);
        double[] xi = dynamics.xi(TIME, state);
        for (int n = 0; n < classes.classes(); n++) {
            double[] f = LongSequenceLimit.decoderInput(classes, n, dynamics.zRow(state, n));
            assertThat(xi[n]).isPositive();
            assertThat(derivative[dynamics.bIndex(n)]).isCloseTo(ETA_Z * xi[n], offset(ROUNDING));
            for (int l : classes.distinctTokens(n)) {
                double expected = ETA_Z * f[l] * f[l] * xi[n];
                assertThat(Math.abs(derivative[dynamics.rowOffset(n) + l] - expected)).isLessThanOrEqualTo(ROUNDING * xi[n]);
            }
        }
    }

    @Test
    void aSingleCommonTokenFallsAtTheRateOfEqn99WithTwoClassesInClosedForm() {
        // One query, two classes, one common token: Eqn. 99 and, for K = 2, β_01 = E/(1 − E²).
        SequenceClasses classes = SyntheticFamily.build(new DataSpec(1, 2, 1, 0, 4, 1, 0.2, 1, 127));
        DecoderClosedForm decoder = new DecoderClosedForm(classes.vocabulary(), 2, 1.5);
        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, ETA_Z);
        double[] state = randomState(dynamics, classes.vocabulary(), 5);
        double[] derivative = dynamics.computeDerivatives(TIME, state);
        double[] xi = dynamics.xi(TIME, state);
        double[] f0 = LongSequenceLimit.decoderInput(classes, 0, dynamics.zRow(state, 0));
        double[] f1 = LongSequenceLimit.decoderInput(classes, 1, dynamics.zRow(state, 1));
        int common = 0;
        double e = f0[common] * f1[common];
        double gamma = decoder.gamma(TIME);
        double expectedXi = gamma * e / (1 - e * e) * e;
        assertThat(Math.abs(xi[0] - expectedXi)).isLessThanOrEqualTo(ROUNDING * expectedXi);
        assertThat(Math.abs(xi[1] - expectedXi)).isLessThanOrEqualTo(ROUNDING * expectedXi);
        double expected = -ETA_Z * ((1 - f0[common] * f0[common]) * xi[0] + (1 - f1[common] * f1[common]) * xi[1]);
        System.out.printf("Eqn. 99: dz/dt = %.6e, expected %.6e%n", derivative[dynamics.rowOffset(0) + common], expected);
        assertThat(expected).isNegative();
        assertThat(Math.abs(derivative[dynamics.rowOffset(0) + common] - expected)).isLessThanOrEqualTo(ROUNDING * -expected);
    }

    @Test
    void theVectorFieldConservesEveryRowSum() {
        SequenceClasses classes = SyntheticFamily.build(new DataSpec(3, 2, 5, 1, 4, 1, 0.1, 1, 127));
        DecoderClosedForm decoder = new DecoderClosedForm(classes.vocabulary(), classes.classes(), 1);
        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, ETA_Z);
        double[] state = randomState(dynamics, classes.vocabulary(), 3);
        double[] derivative = dynamics.computeDerivatives(TIME, state);
        double scale = 0;
        for (int i = 0; i < classes.queryTokens().length * classes.vocabulary(); i++) {
            scale = Math.max(scale, Math.abs(derivative[i]));
        }
        assertThat(scale).isPositive();
        for (int q = 0; q < classes.queryTokens().length; q++) {
            double sum = 0;
            for (int l = 0; l < classes.vocabulary(); l++) {
                sum += derivative[q * classes.vocabulary() + l];
            }
            assertThat(Math.abs(sum)).isLessThanOrEqualTo(ROUNDING * scale);
        }
    }
}
