package org.theorycheck.theories.deeplinear.nonlinear;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Fig 8 right: q over the last layers of a random orthogonal tanh network, for a grid of gains.
 *
 * @param width          N ({@code network.width})
 * @param layers         depth, counting the input layer ({@code network.layers})
 * @param gains          the gains g, each > 0 ({@code network.gains})
 * @param inputVariance  q^1 ({@code network.input_variance})
 * @param averagedLayers how many of the last layers q is averaged over ({@code network.averaged_layers})
 */
public record VarianceSettings(int width, int layers, double[] gains, double inputVariance, int averagedLayers)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public VarianceSettings {
        if (width < 2) {
            throw new IllegalArgumentException("network.width: " + width + " is not an integer >= 2");
        }
        if (layers < 2) {
            throw new IllegalArgumentException("network.layers: " + layers + " is not an integer >= 2");
        }
        gains = checkGains(gains);
        if (!(inputVariance > 0 && inputVariance <= VarianceMap.MAX_VARIANCE)) {
            throw new IllegalArgumentException("network.input_variance: " + inputVariance + " is not in (0, "
                    + VarianceMap.MAX_VARIANCE + "], the variances the map resolves");
        }
        if (averagedLayers < 1 || averagedLayers > layers) {
            throw new IllegalArgumentException("network.averaged_layers: " + averagedLayers + " is not in 1.." + layers);
        }
    }

    static double[] checkGains(double[] gains) {
        if (gains.length == 0) {
            throw new IllegalArgumentException("network.gains: give at least one gain");
        }
        for (double g : gains) {
            if (!(g > 0 && Double.isFinite(g))) {
                throw new IllegalArgumentException("network.gains: " + Arrays.toString(gains) + " must all be numbers > 0");
            }
        }
        return gains.clone();
    }

    /** Gains 0.5, 0.6, …, 2.0. */
    static double[] gainGrid() {
        double[] g = new double[16];
        for (int i = 0; i < g.length; i++) {
            g[i] = (5 + i) / 10.0;
        }
        return g;
    }

    /** The default budget: the paper's depth 30, width 200, q^1 = 1, last 5 layers (about 3 s). */
    public static VarianceSettings quick() {
        return new VarianceSettings(200, 30, gainGrid(), 1, 5);
    }

    /** The paper's size (Fig 8 right): depth 30, width 1000. */
    public static VarianceSettings full() {
        return new VarianceSettings(1000, 30, gainGrid(), 1, 5);
    }

    @Override
    public double[] gains() {
        return gains.clone();
    }
}
