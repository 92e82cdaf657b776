package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSvd;

import java.io.Serializable;

/**
 * All that full-batch gradient descent (eq 1, eq 13) sees of an MNIST task: Σ11, Σ31 and Σ_μ ||y^μ||², in
 * a form small enough to travel with a task to another machine, which then needs neither the digits nor
 * the cache. Built once from the digits; the same statistics give the same bits wherever they are used.
 *
 * @param description what the task is, in words
 * @param inputs      N1
 * @param sigma11     Σ11, row-major N1 × N1 (a sum over the digits)
 * @param sigma31     Σ31, row-major 10 × N1 (a sum over the digits)
 * @param targets     Σ_μ ||y^μ||², the loss of the zero network (the number of digits, for one-hot targets)
 */
public record MnistStatistics(String description, int inputs, double[] sigma11, double[] sigma31, double targets)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public MnistStatistics {
        if (sigma11.length != inputs * inputs || sigma31.length != MnistDigits.CLASSES * inputs) {
            throw new IllegalArgumentException("Σ11 must be " + inputs + " × " + inputs + " and Σ31 " + MnistDigits.CLASSES
                    + " × " + inputs + "; got " + sigma11.length + " and " + sigma31.length + " entries");
        }
        sigma11 = sigma11.clone();
        sigma31 = sigma31.clone();
    }

    /** The statistics of a task of digits. */
    public static MnistStatistics of(MnistTask task) {
        int n = task.inputDim();
        double[] s11 = new double[n * n];
        double[] s31 = new double[MnistDigits.CLASSES * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(task.sigma11()[i], 0, s11, i * n, n);
        }
        for (int c = 0; c < MnistDigits.CLASSES; c++) {
            System.arraycopy(task.sigma31()[c], 0, s31, c * n, n);
        }
        String description = "MNIST: " + task.count() + " digits, " + task.preprocessing().key() + " inputs of " + n
                + " dimensions";
        return new MnistStatistics(description, n, s11, s31, task.count());
    }

    /**
     * The task as the theory's gradient descent reads it: the statistics and the SVD of Σ31 (eq 3), with no
     * samples (full-batch gd needs none; the sgd rung does, and takes them from the digits).
     */
    public Task task() {
        Statistics stats = new Statistics(new Matrix(inputs, inputs, sigma11.clone()),
                new Matrix(MnistDigits.CLASSES, inputs, sigma31.clone()), false);
        return new Task(description, Matrix.zeros(0, inputs), Matrix.zeros(0, MnistDigits.CLASSES), stats,
                TaskSvd.of(stats.sigma31()), targets);
    }
}
