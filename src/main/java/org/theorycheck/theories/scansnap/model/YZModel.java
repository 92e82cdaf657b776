package org.theorycheck.theories.scansnap.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;

/**
 * The parameters of the reparametrised 1-layer transformer (paper §1.1, "YZ" form): two M×M matrices
 * stored row-major in plain arrays, {@code y[l*M + j]} = Y_{lj} (row: contextual token l, column:
 * output token j) and {@code z[m*M + l]} = z_{ml} (row: query token m). Mutable: optimisers update the
 * arrays in place; {@link #copy()} snapshots them.
 */
public final class YZModel {

    private final int size;
    private final ModelSpec spec;
    private final double[] y;
    private final double[] z;

    /** A model with Y = Z = 0. */
    public YZModel(int size, ModelSpec spec) {
        this(size, spec, new double[size * size], new double[size * size]);
    }

    private YZModel(int size, ModelSpec spec, double[] y, double[] z) {
        this.size = size;
        this.spec = spec;
        this.y = y;
        this.z = z;
    }

    /**
     * The [ref] initial model: zero, or every entry of Y and Z i.i.d. uniform on [−1/√M, 1/√M]
     * (PyTorch's default for a bias-free {@code nn.Linear(M, M)}); Y is drawn first, then Z.
     */
    public static YZModel initial(int size, ModelSpec spec, UniformRandomProvider rng) {
        YZModel model = new YZModel(size, spec);
        if (spec.init() == ModelSpec.Init.UNIFORM) {
            double bound = 1 / Math.sqrt(size);
            fillUniform(model.y, bound, rng);
            fillUniform(model.z, bound, rng);
        }
        return model;
    }

    /**
     * Rows of Z(0) exactly as {@link #initial} draws them with {@code rng}, without keeping the M×M
     * matrices where the initialisation is zero (a theory rung on a large vocabulary needs only the
     * query rows).
     */
    public static double[][] initialZRows(int size, ModelSpec spec, UniformRandomProvider rng, int[] rows) {
        double[][] out = new double[rows.length][];
        if (spec.init() == ModelSpec.Init.ZERO) {
            for (int i = 0; i < rows.length; i++) {
                out[i] = new double[size];
            }
            return out;
        }
        YZModel model = initial(size, spec, rng);
        for (int i = 0; i < rows.length; i++) {
            out[i] = model.zRow(rows[i]);
        }
        return out;
    }

    private static void fillUniform(double[] a, double bound, UniformRandomProvider rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -bound + 2 * bound * rng.nextDouble();
        }
    }

    /** A model with the given matrices (copied), row-major M×M. */
    public static YZModel of(int size, ModelSpec spec, double[] y, double[] z) {
        if (y.length != size * size || z.length != size * size) {
            throw new IllegalArgumentException("Y and Z must have " + size * size + " entries");
        }
        return new YZModel(size, spec, y.clone(), z.clone());
    }

    public YZModel copy() {
        return new YZModel(size, spec, y.clone(), z.clone());
    }

    /** M. */
    public int size() {
        return size;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Y, row-major; the live array (updated in place by optimisers). */
    public double[] y() {
        return y;
    }

    /** Z, row-major; the live array (updated in place by optimisers). */
    public double[] z() {
        return z;
    }

    /** A copy of row m of Z (the attention logits of query token m). */
    public double[] zRow(int m) {
        double[] row = new double[size];
        System.arraycopy(z, m * size, row, 0, size);
        return row;
    }
}
