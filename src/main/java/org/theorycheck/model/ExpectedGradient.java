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
    }

    /**
     * Adds the class-averaged loss gradient at (Y, Z) to {@code gradY}, {@code gradZ} (in place) and
     * returns the class-averaged loss.
     */
    public double accumulate(double[] y, double[] z, double[] gradY, double[] gradZ) {
        int k = classes.classes();
        double scale = 1.0 / k;
        double loss = 0;
        for (int n = 0; n < k; n++) {
            loss += gradient.accumulate(y, z, classes.queryToken(n), classes.nextToken(n), support[n], weights[n],
                    support[n].length, scale, gradY, gradZ);
        }
        return loss * scale;
    }
}
