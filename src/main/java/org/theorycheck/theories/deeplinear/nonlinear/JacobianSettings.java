package org.theorycheck.theories.deeplinear.nonlinear;

import java.util.Arrays;

/**
 * Fig 7: singular values of the end-to-end Jacobian (eq 22) of one random orthogonal tanh network.
 *
 * @param width          N ({@code network.width})
 * @param layers         N_l, counting the input layer ({@code network.layers})
 * @param gains          the gains g ({@code network.gains})
 * @param inputVariances the input variances q^1, each > 0 ({@code network.input_variances})
 */
public record JacobianSettings(int width, int layers, double[] gains, double[] inputVariances) {

    public JacobianSettings {
        if (width < 2) {
            throw new IllegalArgumentException("network.width: " + width + " is not an integer >= 2");
        }
        if (layers < 2) {
            throw new IllegalArgumentException("network.layers: " + layers + " is not an integer >= 2");
        }
        gains = VarianceSettings.checkGains(gains);
        if (inputVariances.length == 0) {
            throw new IllegalArgumentException("network.input_variances: give at least one");
        }
        for (double q : inputVariances) {
            if (!(q > 0 && Double.isFinite(q))) {
                throw new IllegalArgumentException("network.input_variances: " + Arrays.toString(inputVariances)
                        + " must all be numbers > 0");
            }
        }
        inputVariances = inputVariances.clone();
    }

    /** The default budget: N_l = 100 as in the paper, width 100, g = 0.9, 1, 1.1, q^1 = 1 (a few seconds). */
    public static JacobianSettings quick() {
        return new JacobianSettings(100, 100, new double[] {0.9, 1.0, 1.1}, new double[] {1});
    }

    /** The paper's size (Fig 7): N_l = 100, width 1000; q^1 = 1 and q^1 = 100 ≫ 1 (the grid is NOT FOUND). */
    public static JacobianSettings full() {
        return new JacobianSettings(1000, 100, new double[] {0.9, 1.0, 1.1}, new double[] {1, 100});
    }

    @Override
    public double[] gains() {
        return gains.clone();
    }

    @Override
    public double[] inputVariances() {
        return inputVariances.clone();
    }
}
