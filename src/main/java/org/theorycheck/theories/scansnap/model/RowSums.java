package org.theorycheck.theories.scansnap.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row sums of an M×M matrix held as rows. Lemma 1: every row sum of Y and of Z is constant under the
 * gradient dynamics, so their drift is a direct measurement of that invariant.
 */
public final class RowSums {

    /** Extra-series name of the largest drift of a Y row sum since step 0. */
    public static final String DRIFT_Y = "row_sum_drift_y";
    /** Extra-series name of the largest drift of a Z row sum since step 0. */
    public static final String DRIFT_Z = "row_sum_drift_z";

    private RowSums() {}

    /** The sums of the given rows of a matrix held as rows, at their indices (the other entries are 0). */
    public static double[] of(double[][] matrix, int[] rows) {
        double[] sums = new double[matrix.length];
        // Each sum runs over c in order; four rows at a time keep four additions in flight.
        int i = 0;
        for (; i + 3 < rows.length; i += 4) {
            double[] a0 = matrix[rows[i]];
            double[] a1 = matrix[rows[i + 1]];
            double[] a2 = matrix[rows[i + 2]];
            double[] a3 = matrix[rows[i + 3]];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c = 0; c < a0.length; c++) {
                s0 += a0[c];
                s1 += a1[c];
                s2 += a2[c];
                s3 += a3[c];
            }
            sums[rows[i]] = s0;
            sums[rows[i + 1]] = s1;
            sums[rows[i + 2]] = s2;
            sums[rows[i + 3]] = s3;
        }
        for (; i < rows.length; i++) {
            double s = 0;
            for (double v : matrix[rows[i]]) {
                s += v;
            }
            sums[rows[i]] = s;
        }
        return sums;
    }

    /** max over the given rows of |Σ_c A_rc − initial_r|. */
    public static double maxDrift(double[][] matrix, double[] initial, int[] rows) {
        double[] now = of(matrix, rows);
        double worst = 0;
        for (int r : rows) {
            worst = Math.max(worst, Math.abs(now[r] - initial[r]));
        }
        return worst;
    }

    /**
     * The two drift extras of Y and Z (held as rows) against their initial row sums, Y's first (the order
     * of their columns), over the moving rows: the others are never written, so their drift is 0.
     */
    public static Map<String, Double> driftExtras(double[][] y, double[][] z, double[] initialY, double[] initialZ,
                                                  MovingRows moving) {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put(DRIFT_Y, maxDrift(y, initialY, moving.y()));
        extras.put(DRIFT_Z, maxDrift(z, initialZ, moving.z()));
        return extras;
    }
}
