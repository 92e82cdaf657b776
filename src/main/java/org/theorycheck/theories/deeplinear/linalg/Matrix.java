package org.theorycheck.theories.deeplinear.linalg;

import java.util.Arrays;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * A dense real matrix, row-major in one {@code double[]} ({@code data[i * cols + j]}). The methods
 * return new matrices and never modify their arguments; hot loops use {@link Dense} on the arrays.
 * Decompositions go through Hipparchus ({@link #toReal()}, {@link #of(RealMatrix)}).
 */
public record Matrix(int rows, int cols, double[] data) {

    public Matrix {
        if (rows < 0 || cols < 0 || data.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + rows * cols
                    + " entries, got " + data.length);
        }
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1;
        }
        return m;
    }

    /** A rows×cols matrix with {@code diagonal[i]} at (i, i) and zeros elsewhere. */
    public static Matrix diagonal(int rows, int cols, double[] diagonal) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < Math.min(Math.min(rows, cols), diagonal.length); i++) {
            m.data[i * cols + i] = diagonal[i];
        }
        return m;
    }

    public static Matrix of(RealMatrix m) {
        int r = m.getRowDimension();
        int c = m.getColumnDimension();
        double[] data = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(m.getRow(i), 0, data, i * c, c);
        }
        return new Matrix(r, c, data);
    }

    public static Matrix of(double[][] rowsOfValues) {
        int r = rowsOfValues.length;
        int c = r == 0 ? 0 : rowsOfValues[0].length;
        double[] data = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowsOfValues[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowsOfValues[i].length + " entries, row 0 has " + c);
            }
            System.arraycopy(rowsOfValues[i], 0, data, i * c, c);
        }
        return new Matrix(r, c, data);
    }

    public RealMatrix toReal() {
        double[][] d = new double[rows][];
        for (int i = 0; i < rows; i++) {
            d[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return new Array2DRowRealMatrix(d, false);
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** {@code this · other}. */
    public Matrix times(Matrix other) {
        requireInner(cols, other.rows, "times");
        Matrix c = zeros(rows, other.cols);
        Dense.multiply(data, rows, cols, other.data, other.cols, c.data, new double[other.data.length]);
        return c;
    }

    /** {@code thisᵀ · other}. */
    public Matrix transposeTimes(Matrix other) {
        requireInner(rows, other.rows, "transposeTimes");
        Matrix c = zeros(cols, other.cols);
        Dense.multiplyTransposeA(data, rows, cols, other.data, other.cols, c.data, new double[data.length],
                new double[other.data.length]);
        return c;
    }

    /** {@code this · otherᵀ}. */
    public Matrix timesTranspose(Matrix other) {
        requireInner(cols, other.cols, "timesTranspose");
        Matrix c = zeros(rows, other.rows);
        Dense.multiplyTransposeB(data, rows, cols, other.data, other.rows, c.data);
        return c;
    }

    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    public Matrix plus(Matrix other) {
        requireSameShape(other);
        double[] d = data.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += other.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix minus(Matrix other) {
        requireSameShape(other);
        double[] d = data.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] -= other.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix scale(double factor) {
        double[] d = data.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= factor;
        }
        return new Matrix(rows, cols, d);
    }

    /** The first {@code count} columns. */
    public Matrix leadingColumns(int count) {
        Matrix m = zeros(rows, count);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, m.data, i * count, count);
        }
        return m;
    }

    public double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    public double[] diagonal() {
        double[] d = new double[Math.min(rows, cols)];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i * cols + i];
        }
        return d;
    }

    public double frobenius() {
        return Dense.norm(data);
    }

    /** Frobenius norm of the entries off the main diagonal. */
    public double offDiagonalFrobenius() {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (i != j) {
                    double v = data[i * cols + j];
                    sum += v * v;
                }
            }
        }
        return Math.sqrt(sum);
    }

    public double trace() {
        double t = 0;
        for (int i = 0; i < Math.min(rows, cols); i++) {
            t += data[i * cols + i];
        }
        return t;
    }

    private static void requireInner(int left, int right, String op) {
        if (left != right) {
            throw new IllegalArgumentException(op + ": inner dimensions differ (" + left + " vs " + right + ")");
        }
    }

    private void requireSameShape(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new IllegalArgumentException("shapes differ: " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
