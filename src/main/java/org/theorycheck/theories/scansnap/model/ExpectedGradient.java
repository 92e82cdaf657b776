package org.theorycheck.theories.scansnap.model;

import org.theorycheck.theories.scansnap.data.SequenceClasses;

/**
 * The exact expectation of the loss gradient over classes in the T → ∞ limit (Lemma 2): each class
 * contributes the gradient of its sample with histogram weights P(·|n), i.e. with a = c_n, and classes
 * are averaged uniformly. This is the gradient of ladder rung 2 (the expected-gradient map) and the
 * vector field of rung 3 (gradient flow). Holds scratch buffers: one instance per thread.
 */
public final class ExpectedGradient {

    private final YZGradient gradient;
    private final HistogramBatch batch;

    public ExpectedGradient(SequenceClasses classes, YZGradient gradient) {
        this.gradient = gradient;
        batch = HistogramBatch.of(classes);
        for (int n = 0; n < classes.classes(); n++) {
            double[] weights = batch.add(n);
            int[] support = batch.tokens(n);
            for (int i = 0; i < support.length; i++) {
                weights[i] = classes.probability(n, support[i]);
            }
        }
    }

    /**
     * Adds the class-averaged loss gradient at (Y, Z) to {@code gradY}, {@code gradZ} (in place) and
     * returns the class-averaged loss. All four are M×M matrices held as rows ({@code y[l]} is row l); only
     * the rows {@link MovingRows} names are used.
     */
    public double accumulate(double[][] y, double[][] z, double[][] gradY, double[][] gradZ) {
        double scale = 1.0 / batch.size();
        return gradient.accumulate(y, z, batch, scale, gradY, gradZ) * scale;
    }
}
