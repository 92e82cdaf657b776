package org.theorycheck.theories.deeplinear.network;

import org.theorycheck.theories.deeplinear.linalg.Dense;

/**
 * The real network's forward and backward pass on a minibatch of samples, as an SGD implementation
 * computes it: activities {@code h_l = h_{l−1} W_lᵀ} (one row per sample), error {@code e = Y − h_{N_l−1}},
 * back-propagated {@code δ_{l−1} = δ_l W_l}, and {@code G_l = δ_lᵀ h_{l−1}}, the negative gradient of
 * ½ Σ_{μ∈B} ||y − W_tot x||². Over the whole data set this equals {@link Gradient} (eq 13), computed from
 * the samples instead of their correlations. One instance per thread and batch size.
 */
public final class Backprop {

    private final int[] widths;
    private final int layers;
    private final int batch;
    private final double[][] activity;
    private final double[][] delta;
    private final double[] scratchA;
    private final double[] scratchB;

    public Backprop(Network network, int batch) {
        this.widths = network.widths();
        this.layers = network.matrices();
        this.batch = batch;
        int largest = 0;
        for (int l = 0; l <= layers; l++) {
            largest = Math.max(largest, batch * widths[l]);
            if (l > 0) {
                largest = Math.max(largest, widths[l] * widths[l - 1]);
            }
        }
        scratchA = new double[largest];
        scratchB = new double[largest];
        activity = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            activity[l] = new double[batch * widths[l]];
            delta[l] = new double[batch * widths[l]];
        }
    }

    /**
     * Fills {@code g[l-1]} with G_l for the samples {@code x} (batch × N1) and {@code y} (batch × N3),
     * row-major; the weights are not modified.
     *
     * @return the sum of the error entries: not finite exactly when the state has overflowed or is NaN
     */
    public double compute(double[][] w, double[] x, double[] y, double[][] g) {
        System.arraycopy(x, 0, activity[0], 0, batch * widths[0]);
        for (int l = 1; l <= layers; l++) {
            Dense.multiplyTransposeB(activity[l - 1], batch, widths[l - 1], w[l - 1], widths[l], activity[l]);
        }
        double[] e = delta[layers];
        double[] out = activity[layers];
        double check = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = y[i] - out[i];
            check += e[i];
        }
        for (int l = layers; l >= 1; l--) {
            Dense.multiplyTransposeA(delta[l], batch, widths[l], activity[l - 1], widths[l - 1], g[l - 1], scratchA, scratchB);
            if (l > 1) {
                Dense.multiply(delta[l], batch, widths[l], w[l - 1], widths[l - 1], delta[l - 1], scratchA);
            }
        }
        return check;
    }
}
