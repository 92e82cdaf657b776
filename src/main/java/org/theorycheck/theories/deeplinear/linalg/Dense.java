package org.theorycheck.theories.deeplinear.linalg;

/**
 * Kernels on row-major {@code double[]} matrices for the hot loops of the gd, flow and sgd rungs. Each
 * kernel overwrites its output array and reads only its inputs; output and inputs must not alias.
 *
 * <p>The loops are written for the JIT's auto-vectoriser: the innermost loop runs along a row of the
 * output with unit stride, and four rows of the output are accumulated at once so that each loaded row
 * of the right operand is used four times (register blocking).
 */
public final class Dense {

    private Dense() {}

    /** {@code c (m×n) = a (m×k) · b (k×n)}. */
    public static void multiply(double[] a, int m, int k, double[] b, int n, double[] c) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int c0 = i * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            java.util.Arrays.fill(c, c0, c0 + 4 * n, 0.0);
            for (int p = 0; p < k; p++) {
                double a0 = a[i * k + p];
                double a1 = a[(i + 1) * k + p];
                double a2 = a[(i + 2) * k + p];
                double a3 = a[(i + 3) * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    double bv = b[bp + j];
                    c[c0 + j] += a0 * bv;
                    c[c1 + j] += a1 * bv;
                    c[c2 + j] += a2 * bv;
                    c[c3 + j] += a3 * bv;
                }
            }
        }
        for (; i < m; i++) {
            int ci = i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0.0);
            for (int p = 0; p < k; p++) {
                double av = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /** {@code c (k×n) = aᵀ · b} with {@code a (m×k)}, {@code b (m×n)}. */
    public static void multiplyTransposeA(double[] a, int m, int k, double[] b, int n, double[] c) {
        java.util.Arrays.fill(c, 0, k * n, 0.0);
        int p = 0;
        for (; p + 3 < m; p += 4) {
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int i = 0; i < k; i++) {
                double a0 = a[p * k + i];
                double a1 = a[(p + 1) * k + i];
                double a2 = a[(p + 2) * k + i];
                double a3 = a[(p + 3) * k + i];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
        }
        for (; p < m; p++) {
            int bp = p * n;
            for (int i = 0; i < k; i++) {
                double av = a[p * k + i];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /** {@code c (m×n) = a (m×k) · bᵀ} with {@code b (n×k)}. */
    public static void multiplyTransposeB(double[] a, int m, int k, double[] b, int n, double[] c) {
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[i * n + j] = s;
            }
        }
    }

    /** Euclidean norm of all entries, scaled against overflow. */
    public static double norm(double[] x) {
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double v : x) {
            double r = v / scale;
            sum += r * r;
        }
        return scale * Math.sqrt(sum);
    }
}
