package org.theorycheck.theories.deeplinear.network;

import org.theorycheck.theories.deeplinear.linalg.Dense;
import org.theorycheck.theories.deeplinear.task.Statistics;

/**
 * The right-hand side of eq 13 (eq 2 for N_l = 3) with τ = 1:
 * {@code G_l = (W_{N_l−1} ⋯ W_{l+1})ᵀ [Σ31 − W_tot Σ11] (W_{l−1} ⋯ W_1)ᵀ}, the negative gradient of
 * ½ Σ_μ ||y − W_tot x||² with respect to W_l. A batch step of eq 1 / eq 13 is {@code W_l += λ G_l};
 * the flow is {@code dW_l/dt = λ G_l} with t in steps.
 *
 * <p>Work arrays are allocated once per instance, so an instance belongs to one thread. Cost per call:
 * the forward products {@code W_l ⋯ W_1} (n_l × N1 each), the error, and per layer one backward product
 * and one gradient product; for N_l = 3 with Σ11 = I that is three matrix products of N3·N2·N1
 * multiply-adds, 6·N1·N2·N3 flops, plus transposes of the operands ({@link Dense}).
 */
public final class Gradient {

    private final int[] widths;
    private final int layers;
    private final Statistics stats;
    private final double[][] prefix;
    private final double[][] back;
    private final double[] error;
    private final double[] scratchA;
    private final double[] scratchB;

    public Gradient(Network network, Statistics stats) {
        this.widths = network.widths();
        this.layers = network.matrices();
        if (stats.inputs() != widths[0] || stats.outputs() != widths[layers]) {
            throw new IllegalArgumentException(network + " does not chain with statistics of " + stats.inputs() + " inputs and "
                    + stats.outputs() + " outputs");
        }
        this.stats = stats;
        int n1 = widths[0];
        prefix = new double[layers + 1][];
        back = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            prefix[l] = new double[widths[l] * n1];
            back[l] = new double[widths[l] * n1];
        }
        error = back[layers];
        int largest = n1 * n1;
        for (int l = 1; l <= layers; l++) {
            largest = Math.max(largest, Math.max(widths[l] * n1, widths[l] * widths[l - 1]));
        }
        scratchA = new double[largest];
        scratchB = new double[largest];
    }

    /**
     * Fills {@code g[l-1]} with G_l for l = 1 … N_l − 1, from the weights {@code w[l-1]} = W_l (row-major),
     * which are not modified.
     *
     * @return the sum of the entries of the error {@code E = Σ31 − W_tot Σ11}: not finite exactly when
     *         the state has overflowed or become NaN
     */
    public double compute(double[][] w, double[][] g) {
        int n1 = widths[0];
        System.arraycopy(w[0], 0, prefix[1], 0, widths[1] * n1);
        for (int l = 2; l <= layers; l++) {
            Dense.multiply(w[l - 1], widths[l], widths[l - 1], prefix[l - 1], n1, prefix[l], scratchA);
        }
        double[] total = prefix[layers];
        double[] s31 = stats.sigma31().data();
        double check = 0;
        if (stats.identityInput()) {
            for (int i = 0; i < error.length; i++) {
                double e = s31[i] - total[i];
                error[i] = e;
                check += e;
            }
        } else {
            Dense.multiply(total, widths[layers], n1, stats.sigma11().data(), n1, error, scratchA);
            for (int i = 0; i < error.length; i++) {
                double e = s31[i] - error[i];
                error[i] = e;
                check += e;
            }
        }
        for (int l = layers; l >= 1; l--) {
            if (l > 1) {
                Dense.multiplyTransposeA(w[l - 1], widths[l], widths[l - 1], back[l], n1, back[l - 1], scratchA, scratchB);
                Dense.multiplyTransposeB(back[l], widths[l], n1, prefix[l - 1], widths[l - 1], g[l - 1]);
            } else {
                System.arraycopy(back[1], 0, g[0], 0, g[0].length);
            }
        }
        return check;
    }

    /** The error {@code Σ31 − W_tot Σ11} of the last {@link #compute} (a view; do not modify). */
    public double[] error() {
        return error;
    }

    /** {@code W_tot} of the last {@link #compute} (a view; do not modify). */
    public double[] total() {
        return prefix[layers];
    }

    /** Fresh arrays shaped like W_1 … W_{N_l−1}. */
    public double[][] newWeightArrays() {
        double[][] g = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            g[l - 1] = new double[widths[l] * widths[l - 1]];
        }
        return g;
    }
}
