package org.theorycheck.theories.deeplinear.task;

import org.theorycheck.theories.deeplinear.linalg.Matrix;

/**
 * A data set as the theory sees it: the P samples (rows of {@code inputs}, P×N1, and {@code targets},
 * P×N3) for SGD, their correlations (sums over samples, see {@link Statistics}) for every other rung,
 * and the SVD of Σ31 (eq 3) that defines the modes.
 *
 * @param description  what the task is, in words, for reports
 * @param outputEnergy {@code Σ_μ ||y^μ||²}, the loss of the zero network
 */
public record Task(String description, Matrix inputs, Matrix targets, Statistics statistics, TaskSvd svd,
        double outputEnergy) {

    public Task {
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("inputs and targets need one row per sample; got " + inputs + " and " + targets);
        }
    }

    /** Builds the statistics and SVD from the samples. */
    public static Task fromSamples(String description, Matrix inputs, Matrix targets) {
        Statistics stats = Statistics.of(inputs, targets);
        return new Task(description, inputs, targets, stats, TaskSvd.of(stats.sigma31()), energy(targets));
    }

    static double energy(Matrix targets) {
        double e = 0;
        for (double v : targets.data()) {
            e += v * v;
        }
        return e;
    }

    public int samples() {
        return inputs.rows();
    }

    public int inputDimension() {
        return inputs.cols();
    }

    public int outputDimension() {
        return targets.cols();
    }
}
