package org.theorycheck.theories.scansnap.train;

import java.util.Arrays;

/** An optimiser's per-entry state, row by row, allocated (zero) when a row is first stepped. */
final class RowState {

    private double[][] rows = new double[0][];

    double[] row(int r, int width) {
        if (r >= rows.length) {
            rows = Arrays.copyOf(rows, r + 1);
        }
        if (rows[r] == null) {
            rows[r] = new double[width];
        }
        return rows[r];
    }
}
