package org.theorycheck.model;

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

    public static double[] of(double[] matrix, int size) {
        double[] sums = new double[size];
        // Each sum runs over c in order; four rows at a time keep four additions in flight.
        int r = 0;
        for (; r + 3 < size; r += 4) {
            int r0 = r * size;
            int r1 = r0 + size;
            int r2 = r1 + size;
            int r3 = r2 + size;
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
            sums[r] = s0;
            sums[r + 1] = s1;
            sums[r + 2] = s2;
            sums[r + 3] = s3;
        }
        for (; r < size; r++) {
            double s = 0;
            for (int c = 0; c < size; c++) {
                s += matrix[r * size + c];
            }
            sums[r] = s;
        }
        return sums;
    }

    /** max_r |Σ_c A_rc − initial_r|. */
    public static double maxDrift(double[] matrix, double[] initial, int size) {
        double[] now = of(matrix, size);
        double worst = 0;
        for (int r = 0; r < size; r++) {
            worst = Math.max(worst, Math.abs(now[r] - initial[r]));
        }
        return worst;
    }

    /** The two drift extras of a model against its initial row sums, Y's first (the order of their columns). */
    public static java.util.Map<String, Double> driftExtras(YZModel model, double[] initialY, double[] initialZ) {
        java.util.Map<String, Double> extras = new java.util.LinkedHashMap<>();
        extras.put(DRIFT_Y, maxDrift(model.y(), initialY, model.size()));
        extras.put(DRIFT_Z, maxDrift(model.z(), initialZ, model.size()));
        return extras;
    }
}
