package org.theorycheck.theories.deeplinear.linalg;

/**
 * Kernels on row-major {@code double[]} matrices for the hot loops of the gd, flow and sgd rungs. Each
 * kernel overwrites its output and reads only its inputs; outputs, inputs and scratch must not alias.
 *
 * <p>One kernel does the arithmetic, {@link #multiplyTransposeB} ({@code c = a bᵀ}): both operands are
 * read along rows, and a 4×4 block of outputs is accumulated in sixteen scalar {@link Math#fma} chains,
 * so that each loaded value serves four multiply-adds and the chains keep both FMA pipes busy. This
 * measured about twice as fast on this JIT as the auto-vectorised axpy form, whose short rows (32 wide in
 * Fig 3) spend their time in loads, stores and loop set-up (experiments/BENCHMARKS.md). The other
 * products transpose their operands into scratch space and call it; a transpose costs O(size), a product
 * O(size × inner dimension).
 */
public final class Dense {

    private Dense() {}

    /** {@code c (m×n) = a (m×k) · bᵀ} with {@code b (n×k)}. */
    public static void multiplyTransposeB(double[] a, int m, int k, double[] b, int n, double[] c) {
        int m4 = m - m % 4;
        int n4 = n - n % 4;
        for (int i = 0; i < m4; i += 4) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < n4; j += 4) {
                int b0 = j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
                double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = a[a0 + p];
                    double x1 = a[a1 + p];
                    double x2 = a[a2 + p];
                    double x3 = a[a3 + p];
                    double y0 = b[b0 + p];
                    double y1 = b[b1 + p];
                    double y2 = b[b2 + p];
                    double y3 = b[b3 + p];
                    s00 = Math.fma(x0, y0, s00);
                    s01 = Math.fma(x0, y1, s01);
                    s02 = Math.fma(x0, y2, s02);
                    s03 = Math.fma(x0, y3, s03);
                    s10 = Math.fma(x1, y0, s10);
                    s11 = Math.fma(x1, y1, s11);
                    s12 = Math.fma(x1, y2, s12);
                    s13 = Math.fma(x1, y3, s13);
                    s20 = Math.fma(x2, y0, s20);
                    s21 = Math.fma(x2, y1, s21);
                    s22 = Math.fma(x2, y2, s22);
                    s23 = Math.fma(x2, y3, s23);
                    s30 = Math.fma(x3, y0, s30);
                    s31 = Math.fma(x3, y1, s31);
                    s32 = Math.fma(x3, y2, s32);
                    s33 = Math.fma(x3, y3, s33);
                }
                int c0 = i * n + j;
                c[c0] = s00;
                c[c0 + 1] = s01;
                c[c0 + 2] = s02;
                c[c0 + 3] = s03;
                c[c0 + n] = s10;
                c[c0 + n + 1] = s11;
                c[c0 + n + 2] = s12;
                c[c0 + n + 3] = s13;
                c[c0 + 2 * n] = s20;
                c[c0 + 2 * n + 1] = s21;
                c[c0 + 2 * n + 2] = s22;
                c[c0 + 2 * n + 3] = s23;
                c[c0 + 3 * n] = s30;
                c[c0 + 3 * n + 1] = s31;
                c[c0 + 3 * n + 2] = s32;
                c[c0 + 3 * n + 3] = s33;
            }
            for (int j = n4; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    c[(i + r) * n + j] = dot(a, (i + r) * k, b, j * k, k);
                }
            }
        }
        for (int i = m4; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }

    private static double dot(double[] a, int ai, double[] b, int bi, int k) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s = Math.fma(a[ai + p], b[bi + p], s);
        }
        return s;
    }

    /** {@code c (m×n) = a (m×k) · b (k×n)}; {@code scratch} holds at least k·n values. */
    public static void multiply(double[] a, int m, int k, double[] b, int n, double[] c, double[] scratch) {
        transpose(b, k, n, scratch);
        multiplyTransposeB(a, m, k, scratch, n, c);
    }

    /**
     * {@code c (k×n) = aᵀ · b} with {@code a (m×k)}, {@code b (m×n)}; {@code scratchA} holds at least m·k
     * values and {@code scratchB} m·n.
     */
    public static void multiplyTransposeA(double[] a, int m, int k, double[] b, int n, double[] c, double[] scratchA,
            double[] scratchB) {
        transpose(a, m, k, scratchA);
        transpose(b, m, n, scratchB);
        multiplyTransposeB(scratchA, k, m, scratchB, n, c);
    }

    /** Tile of the transpose: 8×8 doubles, so that the tile's source and destination lines stay in L1. */
    private static final int TILE = 8;

    /** {@code t (cols×rows) = xᵀ} for {@code x (rows×cols)}. */
    public static void transpose(double[] x, int rows, int cols, double[] t) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(i0 + TILE, rows);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(j0 + TILE, cols);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * rows + i] = x[i * cols + j];
                    }
                }
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
