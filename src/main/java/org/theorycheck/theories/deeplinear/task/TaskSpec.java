package org.theorycheck.theories.deeplinear.task;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;

/**
 * The declaration of a task, validated when made; {@link #build()} draws it from its own data seed
 * (so the same data serve every initialisation seed, as in Fig 3 right).
 */
public sealed interface TaskSpec {

    /** Builds the task: same spec, same bits. */
    Task build();

    /** How the N1 one-per-item inputs are written; both give Σ11 = I exactly or to round-off. */
    enum InputBasis {
        /** x^μ = e_μ: Σ11 = I exactly. */
        ONE_HOT,
        /** x^μ = the μ-th row of a random orthogonal matrix (whitened inputs): Σ11 = I to round-off. */
        ROTATED
    }

    /**
     * A synthetic task with Σ11 = I and prescribed singular values of Σ31 = U S Vᵀ, with U (N3×N3) and
     * V (N1×N1) Haar-random orthogonal matrices from the data seed. There are P = N1 samples, one per
     * input direction, so that any Σ31 is realised exactly: y^μ = Σ31 x^μ.
     *
     * @param singularValues s_1 ≥ s_2 ≥ … > 0, at most min(N1, N3) of them; the others are 0
     */
    record Synthetic(int inputs, int outputs, double[] singularValues, InputBasis basis, long dataSeed) implements TaskSpec {

        public Synthetic {
            if (inputs < 1) {
                throw new IllegalArgumentException("data.inputs must be a positive integer, got " + inputs);
            }
            if (outputs < 1) {
                throw new IllegalArgumentException("data.outputs must be a positive integer, got " + outputs);
            }
            if (singularValues.length == 0 || singularValues.length > Math.min(inputs, outputs)) {
                throw new IllegalArgumentException("data.singular_values must list 1 to min(data.inputs, data.outputs) = "
                        + Math.min(inputs, outputs) + " values, got " + singularValues.length);
            }
            for (int a = 0; a < singularValues.length; a++) {
                double s = singularValues[a];
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new IllegalArgumentException("data.singular_values must be positive and finite; entry " + (a + 1)
                            + " is " + s);
                }
                if (a > 0 && s > singularValues[a - 1]) {
                    throw new IllegalArgumentException("data.singular_values must be in descending order; entry " + (a + 1)
                            + " (" + s + ") exceeds entry " + a + " (" + singularValues[a - 1] + ")");
                }
            }
            if (basis == null) {
                throw new IllegalArgumentException("data.input_basis must be one of " + Arrays.toString(InputBasis.values()));
            }
            singularValues = singularValues.clone();
        }

        @Override
        public double[] singularValues() {
            return singularValues.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Synthetic x && x.inputs == inputs && x.outputs == outputs
                    && Arrays.equals(x.singularValues, singularValues) && x.basis == basis && x.dataSeed == dataSeed;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new Object[] {inputs, outputs, Arrays.hashCode(singularValues), basis, dataSeed});
        }

        @Override
        public Task build() {
            UniformRandomProvider rng = RandomStreams.DATA.stream(dataSeed);
            int r = Math.min(inputs, outputs);
            Matrix u = Orthogonal.semiOrthogonal(outputs, r, rng);
            Matrix v = Orthogonal.semiOrthogonal(inputs, r, rng);
            double[] s = Arrays.copyOf(singularValues, r);
            TaskSvd svd = TaskSvd.canonical(u, s, v);
            Matrix sigma31 = svd.u().times(Matrix.diagonal(r, r, s)).timesTranspose(svd.v());
            Matrix x = basis == InputBasis.ONE_HOT ? Matrix.identity(inputs) : Orthogonal.haar(inputs, rng);
            // y^μ = Σ31 x^μ for every row: Y = X Σ31ᵀ, so Σ_μ y xᵀ = Σ31 Xᵀ X = Σ31.
            Matrix y = x.timesTranspose(sigma31);
            Statistics stats = basis == InputBasis.ONE_HOT
                    ? new Statistics(Matrix.identity(inputs), sigma31, true)
                    : Statistics.of(x, y);
            String description = "synthetic task N1=" + inputs + " N3=" + outputs + " s=" + Arrays.toString(singularValues)
                    + " (" + basis.name().toLowerCase(java.util.Locale.ROOT) + " inputs, data seed " + dataSeed + ")";
            return new Task(description, x, y, stats, svd, Task.energy(y));
        }
    }

    /**
     * The hierarchical task of Fig 3 (paper ref [16]; generator as the reference file's §5 gives it):
     * 2^levels items with one-hot inputs (Σ11 = I), each with {@code features} ±1 features. For each
     * feature independently, the root of a binary tree of depth {@code levels} is ±1 with probability ½,
     * and each child copies its parent's value with the sign flipped with probability {@code flip}; the
     * leaves' values are that feature for the items, left to right. Draw order: feature by feature, the
     * root, then each level's nodes left to right. The paper's setting is levels = 5, features = 1000,
     * flip = 0.1 (32 items, N3 = 1000).
     */
    record Hierarchical(int levels, int features, double flip, long dataSeed) implements TaskSpec {

        public Hierarchical {
            if (levels < 1 || levels > 12) {
                throw new IllegalArgumentException("data.levels must be an integer in [1, 12], got " + levels);
            }
            if (features < 1) {
                throw new IllegalArgumentException("data.features must be a positive integer, got " + features);
            }
            if (!(flip >= 0 && flip <= 0.5)) {
                throw new IllegalArgumentException("data.flip must be a probability in [0, 0.5], got " + flip);
            }
        }

        /** The paper's Fig 3 task, drawn from {@code dataSeed}. */
        public static Hierarchical fig3(long dataSeed) {
            return new Hierarchical(5, 1000, 0.1, dataSeed);
        }

        public int items() {
            return 1 << levels;
        }

        @Override
        public Task build() {
            UniformRandomProvider rng = RandomStreams.DATA.stream(dataSeed);
            int items = items();
            Matrix y = Matrix.zeros(items, features);
            double[] tree = new double[2 * items];
            for (int f = 0; f < features; f++) {
                tree[1] = rng.nextBoolean() ? 1 : -1;
                for (int node = 2; node < 2 * items; node++) {
                    tree[node] = rng.nextDouble() < flip ? -tree[node / 2] : tree[node / 2];
                }
                for (int leaf = 0; leaf < items; leaf++) {
                    y.data()[leaf * features + f] = tree[items + leaf];
                }
            }
            Matrix x = Matrix.identity(items);
            Statistics stats = new Statistics(x, y.transpose(), true);
            String description = "hierarchical task: " + items + " items, " + features + " features, " + levels
                    + "-level binary tree, flip " + flip + " (data seed " + dataSeed + ")";
            return new Task(description, x, y, stats, TaskSvd.of(stats.sigma31()), Task.energy(y));
        }
    }
}
