package org.theorycheck.theories.scansnap.model;

import org.theorycheck.theories.scansnap.data.SequenceClasses;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rows of Y and Z that the loss gradient can reach (Eqn. 3): a sample of class n moves the rows of
 * Y of its contextual tokens (and of its query, with the residual) and the row of Z of its query. Every
 * other row has a zero gradient at every step, so it keeps its initial value under SGD, Adam and the
 * flow alike, and training leaves it alone.
 *
 * @param y the moving rows of Y, ascending
 * @param z the moving rows of Z (the query tokens), ascending
 */
public record MovingRows(int[] y, int[] z) {

    public static MovingRows of(SequenceClasses classes, boolean residual) {
        SortedSet<Integer> yRows = new TreeSet<>();
        SortedSet<Integer> zRows = new TreeSet<>();
        for (int n = 0; n < classes.classes(); n++) {
            for (int l : classes.support(n)) {
                yRows.add(l);
            }
            if (residual) {
                yRows.add(classes.queryToken(n));
            }
            zRows.add(classes.queryToken(n));
        }
        return new MovingRows(yRows.stream().mapToInt(Integer::intValue).toArray(),
                zRows.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * An M×M matrix held as M rows of which only the given ones exist (the others are null): copies of
     * those rows of the row-major {@code flat}, or zeros if {@code flat} is null.
     */
    public static double[][] rowsOf(double[] flat, int size, int[] rows) {
        double[][] out = new double[size][];
        for (int r : rows) {
            out[r] = flat == null ? new double[size] : java.util.Arrays.copyOfRange(flat, r * size, (r + 1) * size);
        }
        return out;
    }

    /** Sets the given rows of a matrix held as rows to zero. */
    public static void zero(double[][] matrix, int[] rows) {
        for (int r : rows) {
            java.util.Arrays.fill(matrix[r], 0.0);
        }
    }

    /** Copies the given rows back into the row-major {@code flat}. */
    public static void writeBack(double[][] matrix, int[] rows, double[] flat) {
        for (int r : rows) {
            System.arraycopy(matrix[r], 0, flat, r * matrix[r].length, matrix[r].length);
        }
    }
}
