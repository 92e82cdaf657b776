package org.theorycheck.theories.scansnap.symbolic;

import java.util.Arrays;

/**
 * Numeric rates of the two parameter blocks for one sample: {@code dY} (row: contextual token,
 * column: output token) and {@code dz} (the query's row of Z), both with learning rate 1.
 * Arrays are copied in and out.
 */
public record SymbolicGradient(double[][] dY, double[] dz) {

    public SymbolicGradient {
        dY = deepCopy(dY);
        dz = dz.clone();
    }

    @Override
    public double[][] dY() {
        return deepCopy(dY);
    }

    @Override
    public double[] dz() {
        return dz.clone();
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SymbolicGradient g && Arrays.deepEquals(dY, g.dY) && Arrays.equals(dz, g.dz);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(dY) + Arrays.hashCode(dz);
    }

    @Override
    public String toString() {
        return "SymbolicGradient[dY=" + Arrays.deepToString(dY) + ", dz=" + Arrays.toString(dz) + "]";
    }
}
