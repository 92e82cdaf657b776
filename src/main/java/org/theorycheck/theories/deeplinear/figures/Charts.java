package org.theorycheck.theories.deeplinear.figures;

/** Shapes the figures draw beside their data. */
final class Charts {

    private Charts() {}

    /** The unit circle of the complex plane as {re, im}, closed, at one-degree steps. */
    static double[][] unitCircle() {
        int n = 361;
        double[][] c = new double[2][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = Math.cos(2 * Math.PI * i / (n - 1));
            c[1][i] = Math.sin(2 * Math.PI * i / (n - 1));
        }
        return c;
    }
}
