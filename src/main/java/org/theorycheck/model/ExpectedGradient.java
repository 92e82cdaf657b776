package org.theorycheck.model;

import org.theorycheck.data.SequenceClasses;

/**
 * The exact expectation of the loss gradient over classes in the T → ∞ limit (Lemma 2): each class
 * contributes the gradient of its sample with histogram weights P(·|n), i.e. with a = c_n, and classes
 * are averaged uniformly. This is the gradient of ladder rung 2 (the expected-gradient map) and the
 * vector field of rung 3 (gradient flow). Holds scratch buffers: one instance per thread.
 */
public final class ExpectedGradient {

    private final SequenceClasses classes;
    private final YZGradient gradient;
    private final int[][] support;
    private final double[][] weights;
    private final double[][] yRows;
    private final double[][] gradYRows;

    public ExpectedGradient(SequenceClasses classes, YZGradient gradient) {
        this.classes = classes;
        this.gradient = gradient;
        int k = classes.classes();
        support = new int[k][];
        weights = new double[k][];
        for (int n = 0; n < k; n++) {
            support[n] = classes.support(n);
            weights[n] = new double[support[n].length];
            for (int i = 0; i < support[n].length; i++) {
                weights[n][i] = classes.probability(n, support[n][i]);
            }
        }
        int m = classes.vocabulary();
        yRows = new double[m][m];
        gradYRows = new double[m][m];
    }

    /**
     * Adds the class-averaged loss gradient at (Y, Z) to {@code gradY}, {@code gradZ} (in place) and
     * returns the class-averaged loss.
     */
    public double accumulate(double[] y, double[] z, double[] gradY, double[] gradZ) {
        int k = classes.classes();
        double scale = 1.0 / k;
        double loss = 0;
        // Every class reads the same Y: lay it out as rows once, not once per class.
        YZGradient.copyToRows(y, yRows);
        YZGradient.copyToRows(gradY, gradYRows);
        for (int n = 0; n < k; n++) {
            loss += gradient.accumulate(yRows, z, classes.queryToken(n), classes.nextToken(n), support[n], weights[n],
                    support[n].length, scale, gradYRows, gradZ);
        }
        YZGradient.copyFromRows(gradYRows, gradY);
        return loss * scale;
    }
}
