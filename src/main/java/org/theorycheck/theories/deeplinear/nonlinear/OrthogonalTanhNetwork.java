package org.theorycheck.theories.deeplinear.nonlinear;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.RandomMatrices;

/**
 * One random network x^{l+1}_i = Σ_j g W^{(l+1,l)}_{ij} tanh(x^l_j) of {@code layers} layers of
 * {@code width} units (eq 20), each W a Haar-random orthogonal matrix, run for several gains g at once
 * on one input x^1 of i.i.d. N(0, q^1) entries. Layer l's matrix is drawn from its own stream seeded
 * by (seed, l) and the input from (seed, 0), so every gain sees the same matrices and the same input,
 * and the numbers depend on the seed only. A matrix is used for every gain and then dropped: memory
 * stays at a few N × N matrices whatever the depth.
 */
public final class OrthogonalTanhNetwork {

    private final int width;
    private final int layers;
    private final long seed;

    /**
     * @throws IllegalArgumentException naming {@code network.width} or {@code network.layers}
     */
    public OrthogonalTanhNetwork(int width, int layers, long seed) {
        if (width < 2) {
            throw new IllegalArgumentException("network.width: " + width + " is not an integer >= 2");
        }
        if (layers < 2) {
            throw new IllegalArgumentException("network.layers: " + layers + " is not an integer >= 2 (an input and an output layer)");
        }
        this.width = width;
        this.layers = layers;
        this.seed = seed;
    }

    /**
     * The population variance q^l = (1/N) Σ_i (x^l_i)² of every layer (eq 21), for each gain: entry
     * [gain][l − 1].
     */
    public double[][] variances(double[] gains, double inputVariance) {
        double[][] x = inputs(gains.length, inputVariance);
        double[][] q = new double[gains.length][layers];
        double[] activation = new double[width];
        for (int l = 1; l <= layers; l++) {
            DMatrixRMaj w = l < layers ? weight(l) : null;
            for (int g = 0; g < gains.length; g++) {
                q[g][l - 1] = meanSquare(x[g]);
                if (w != null) {
                    for (int j = 0; j < width; j++) {
                        activation[j] = Math.tanh(x[g][j]);
                    }
                    x[g] = forward(w, gains[g], activation);
                }
            }
        }
        return q;
    }

    /**
     * The singular values (decreasing) of the end-to-end Jacobian J = ∂x^{N_l}/∂x^1 (eq 22), N_l =
     * layers, for each gain: J = Π_l g W^{(l+1,l)} diag(tanh′(x^l)), accumulated layer by layer.
     */
    public double[][] jacobianSingularValues(double[] gains, double inputVariance) {
        double[][] x = inputs(gains.length, inputVariance);
        DMatrixRMaj[] jacobian = new DMatrixRMaj[gains.length];
        for (int g = 0; g < gains.length; g++) {
            jacobian[g] = CommonOps_DDRM.identity(width);
        }
        DMatrixRMaj scaled = new DMatrixRMaj(width, width);
        double[] activation = new double[width];
        for (int l = 1; l < layers; l++) {
            DMatrixRMaj w = weight(l);
            for (int g = 0; g < gains.length; g++) {
                // diag(tanh′(x^l)) J: row j scaled by 1 − tanh²(x^l_j)
                for (int j = 0; j < width; j++) {
                    double t = Math.tanh(x[g][j]);
                    activation[j] = t;
                    double slope = 1 - t * t;
                    for (int k = 0; k < width; k++) {
                        scaled.data[j * width + k] = slope * jacobian[g].data[j * width + k];
                    }
                }
                CommonOps_DDRM.mult(gains[g], w, scaled, jacobian[g]);
                x[g] = forward(w, gains[g], activation);
            }
        }
        double[][] out = new double[gains.length][];
        for (int g = 0; g < gains.length; g++) {
            out[g] = ProductSpectra.singularValues(jacobian[g]);
        }
        return out;
    }

    private double[][] inputs(int copies, double inputVariance) {
        double[] x1 = input(inputVariance);
        double[][] x = new double[copies][];
        for (int g = 0; g < copies; g++) {
            x[g] = x1.clone();
        }
        return x;
    }

    /** x^1: i.i.d. N(0, q^1) entries, the same every time it is asked for. */
    double[] input(double inputVariance) {
        if (!(inputVariance > 0)) {
            throw new IllegalArgumentException("network.input_variance: " + inputVariance + " is not a number > 0");
        }
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(stream(0));
        double[] x1 = new double[width];
        double std = Math.sqrt(inputVariance);
        for (int j = 0; j < width; j++) {
            x1[j] = std * normal.sample();
        }
        return x1;
    }

    /** W^{(l+1,l)}, the same matrix every time it is asked for. */
    DMatrixRMaj weight(int l) {
        return RandomMatrices.haarOrthogonal(width, stream(l));
    }

    private UniformRandomProvider stream(int index) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, index});
    }

    private static double[] forward(DMatrixRMaj w, double gain, double[] activation) {
        DMatrixRMaj out = new DMatrixRMaj(w.numRows, 1);
        CommonOps_DDRM.mult(gain, w, DMatrixRMaj.wrap(activation.length, 1, activation), out);
        return out.data;
    }

    private static double meanSquare(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum / x.length;
    }
}
