package org.theorycheck.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row sums of an M×M row-major matrix. Lemma 1: every row sum of Y and of Z is constant under the
 * gradient dynamics, so their drift is a direct measurement of that invariant.
 */
public final class RowSums {

    /** Extra-series name of the largest drift of a Y row sum since step 0. */
    public static final String DRIFT_Y = "row_sum_drift_y";
    /** Extra-series name of the largest drift of a Z row sum since step 0. */
    public static final String DRIFT_Z = "row_sum_drift_z";

    private RowSums() {}

    /** The sums of the given rows, at their indices of an array of M (the other entries are 0). */
    public static double[] of(double[] matrix, int size, int[] rows) {
        double[] sums = new double[size];
        // Each sum runs over c in order; four rows at a time keep four additions in flight.
        int i = 0;
        for (; i + 3 < rows.length; i += 4) {
            int r0 = rows[i] * size;
            int r1 = rows[i + 1] * size;
            int r2 = rows[i + 2] * size;
            int r3 = rows[i + 3] * size;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c = 0; c < size; c++) {
                s0 += matrix[r0 + c];
                s1 += matrix[r1 + c];
                s2 += matrix[r2 + c];
                s3 += matrix[r3 + c];
            }
            sums[rows[i]] = s0;
            sums[rows[i + 1]] = s1;
            sums[rows[i + 2]] = s2;
            sums[rows[i + 3]] = s3;
        }
        for (; i < rows.length; i++) {
            int r = rows[i] * size;
            double s = 0;
            for (int c = 0; c < size; c++) {
                s += matrix[r + c];
            }
            sums[rows[i]] = s;
        }
        return sums;
    }

    /** max over the given rows of |Σ_c A_rc − initial_r|. */
    public static double maxDrift(double[] matrix, double[] initial, int size, int[] rows) {
        double[] now = of(matrix, size, rows);
        double worst = 0;
        for (int r : rows) {
            worst = Math.max(worst, Math.abs(now[r] - initial[r]));
        }
        return worst;
    }

    /**
     * The two drift extras of a model against its initial row sums, Y's first (the order of their
     * columns), over the moving rows: the others are never written, so their drift is 0.
     */
    public static Map<String, Double> driftExtras(YZModel model, double[] initialY, double[] initialZ,
                                                  MovingRows moving) {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put(DRIFT_Y, maxDrift(model.y(), initialY, model.size(), moving.y()));
        extras.put(DRIFT_Z, maxDrift(model.z(), initialZ, model.size(), moving.z()));
        return extras;
    }
}
