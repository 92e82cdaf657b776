package org.theorycheck.theories.deeplinear.mnist;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

import java.util.Arrays;

/**
 * MNIST as a regression task for the deep linear network: inputs x^μ from the digits' pixels (as the
 * experiment's {@link Preprocessing} says), one-hot 10-dimensional targets y^μ, and the two statistics
 * the dynamics see, Σ11 = Σ_μ x^μ x^μᵀ and Σ31 = Σ_μ y^μ x^μᵀ — sums over the digits, not means
 * (reference §1).
 *
 * @param preprocessing how the pixels became inputs
 * @param inputDim      N1, the length of one input (784, or the components kept by PCA whitening)
 * @param inputs        row-major {@code count × N1}
 * @param labels        the digit of each input; its one-hot vector is the target
 * @param sigma11       Σ11, N1 × N1
 * @param sigma31       Σ31, 10 × N1
 */
public record MnistTask(Preprocessing preprocessing, int inputDim, double[] inputs, int[] labels,
                        double[][] sigma11, double[][] sigma31) {

    /**
     * The relative size below which an eigenvalue of Σ11 counts as zero: N1 ulps of the largest, the
     * usual numerical-rank tolerance of a symmetric eigen-decomposition.
     */
    static double rankTolerance(int n, double largest) {
        return n * Math.ulp(1.0) * largest;
    }

    public int count() {
        return labels.length;
    }

    /** The one-hot targets, row-major {@code count × 10}. */
    public double[] targets() {
        double[] y = new double[count() * MnistDigits.CLASSES];
        for (int i = 0; i < count(); i++) {
            y[i * MnistDigits.CLASSES + labels[i]] = 1;
        }
        return y;
    }

    /** The task with every principal component kept by the whitening forms. */
    public static MnistTask of(MnistDigits digits, Preprocessing preprocessing) {
        return of(digits, preprocessing, MnistDigits.PIXELS);
    }

    /**
     * @param components how many principal components whitening keeps (the key
     *                   {@code data.whitening_components}); the other forms need all 784
     * @throws IllegalArgumentException naming the key, if components is out of range, or a whitening is
     *                                  asked of digits whose centred Σ11 is singular on the components kept
     */
    public static MnistTask of(MnistDigits digits, Preprocessing preprocessing, int components) {
        int n = MnistDigits.PIXELS;
        if (components < 1 || components > n) {
            throw new IllegalArgumentException("data.whitening_components: " + components + " is not in 1.." + n);
        }
        if (components < n && preprocessing != Preprocessing.WHITENED) {
            throw new IllegalArgumentException("data.whitening_components: " + components + " components are kept "
                    + "only by whitened, not by " + preprocessing.key() + "; leave it at " + n);
        }
        int p = digits.count();
        double scale = preprocessing == Preprocessing.NONE ? 1 : 1 / 255.0;
        long[] sums = new long[n];
        long[][] classSums = new long[MnistDigits.CLASSES][n];
        long[][] products = intensityProducts(digits, sums, classSums);
        double[] x = new double[p * n];
        double[][] sigma11 = new double[n][n];
        double[][] sigma31 = new double[MnistDigits.CLASSES][n];
        boolean centred = preprocessing == Preprocessing.CENTRED || preprocessing == Preprocessing.WHITENED;
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = centred ? (double) sums[j] / p : 0;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = ((digits.intensities()[i * n + j] & 0xFF) - mean[j]) * scale;
            }
        }
        // Σ of centred inputs = Σ_μ x xᵀ − (Σ_μ x)(Σ_μ x)ᵀ / P, from exact integer sums: one rounding.
        double scale2 = scale * scale;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double centring = centred ? (double) sums[a] * sums[b] / p : 0;
                sigma11[a][b] = (products[a][b] - centring) * scale2;
            }
        }
        int[] perClass = new int[MnistDigits.CLASSES];
        for (int label : digits.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < MnistDigits.CLASSES; c++) {
            for (int j = 0; j < n; j++) {
                sigma31[c][j] = (classSums[c][j] - perClass[c] * mean[j]) * scale;
            }
        }
        if (preprocessing != Preprocessing.WHITENED) {
            return new MnistTask(preprocessing, n, x, digits.labels().clone(), sigma11, sigma31);
        }
        DMatrixRMaj w = new DMatrixRMaj(whitening(sigma11, components));
        DMatrixRMaj white = new DMatrixRMaj(p, components);
        CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(p, n, x), w, white);
        DMatrixRMaj sw = new DMatrixRMaj(n, components);
        CommonOps_DDRM.multTransB(new DMatrixRMaj(sigma11), w, sw);
        DMatrixRMaj whiteSigma11 = new DMatrixRMaj(components, components);
        CommonOps_DDRM.mult(w, sw, whiteSigma11);
        DMatrixRMaj whiteSigma31 = new DMatrixRMaj(MnistDigits.CLASSES, components);
        CommonOps_DDRM.multTransB(new DMatrixRMaj(sigma31), w, whiteSigma31);
        return new MnistTask(preprocessing, components, white.data, digits.labels().clone(), rows(whiteSigma11),
                rows(whiteSigma31));
    }

    /**
     * Σ_μ x_a x_b over the intensities 0–255, exactly (in longs), visiting only the lit pixels of each
     * image (about a fifth); also fills Σ_μ x and, per digit, Σ_{μ of that digit} x.
     */
    private static long[][] intensityProducts(MnistDigits digits, long[] sums, long[][] classSums) {
        int n = MnistDigits.PIXELS;
        long[][] products = new long[n][n];
        int[] lit = new int[n];
        int[] value = new int[n];
        for (int i = 0; i < digits.count(); i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                int v = digits.intensity(i, j);
                if (v != 0) {
                    lit[m] = j;
                    value[m++] = v;
                }
            }
            long[] classSum = classSums[digits.labels()[i]];
            for (int a = 0; a < m; a++) {
                long[] row = products[lit[a]];
                int va = value[a];
                sums[lit[a]] += va;
                classSum[lit[a]] += va;
                for (int b = 0; b < m; b++) {
                    row[lit[b]] += va * value[b];
                }
            }
        }
        return products;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][];
        for (int i = 0; i < m.numRows; i++) {
            out[i] = Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
        }
        return out;
    }

    /**
     * The whitening matrix Λ_k^{-1/2} Q_kᵀ (k rows) of centred inputs with Σ11 = Q Λ Qᵀ, eigenvalues in
     * decreasing order.
     */
    private static double[][] whitening(double[][] sigma11, int components) {
        int n = sigma11.length;
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sigma11, false),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
        double[] lambda = eigen.getEigenvalues();
        RealMatrix q = eigen.getV();
        double largest = lambda[0];
        double tolerance = rankTolerance(n, largest);
        int rank = 0;
        while (rank < n && lambda[rank] > tolerance) {
            rank++;
        }
        if (rank < components) {
            throw new IllegalArgumentException("data.preprocessing: whitened needs a nonsingular Σ11 "
                    + "on the " + components + " components kept, but Σ11 of these centred digits has rank " + rank
                    + " (eigenvalues below " + String.format("%.3g", tolerance) + " = 784·ε·λmax count as zero); "
                    + (rank == 0 ? "the digits do not vary" : "set data.whitening_components to at most " + rank));
        }
        double[][] w = new double[components][n];
        for (int k = 0; k < components; k++) {
            double inv = 1 / Math.sqrt(lambda[k]);
            for (int j = 0; j < n; j++) {
                w[k][j] = inv * q.getEntry(j, k);
            }
        }
        return w;
    }
}
