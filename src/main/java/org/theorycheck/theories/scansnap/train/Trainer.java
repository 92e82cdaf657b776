package org.theorycheck.theories.scansnap.train;

import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.MovingRows;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The training loop shared by rung 1 (SGD) and rung 2 (expected-gradient map): each step takes the
 * gradient from a {@link GradientSource}, lets one optimiser per tensor update Y (rate η_Y) and Z (rate
 * η_Z), and checks that the loss, the gradient and the parameters stayed finite. Records the state at step 0, every {@code record_every} steps and at
 * the last step; the loss recorded at step s is the one of the gradient of update s (at step 0, of
 * update 1), evaluated before that update.
 */
public final class Trainer {

    private Trainer() {}

    /**
     * Trains {@code model} in place and returns its trajectory.
     *
     * @param onStep called after every step with the step number (progress reporting); may be a no-op
     * @throws DivergenceException if a loss, gradient or parameter stops being finite
     */
    public static Trajectory train(String rung, SequenceClasses classes, YZModel model, TrainSpec spec,
                                   GradientSource source, IntConsumer onStep) {
        int size = model.size();
        Optimizer forY = optimizer(spec, spec.etaY());
        Optimizer forZ = optimizer(spec, spec.etaZ());
        // Most of Z (every row but the queries') and a few rows of Y never move: holding, zeroing, updating
        // and checking only the moving rows saves whole passes over M×M arrays at every step, and most of
        // Z's memory. They are trained and observed as rows, the layout the gradient's loops vectorise on,
        // and written back to the model at the end.
        MovingRows moving = MovingRows.of(classes, model.spec().residual());
        double[][] y = MovingRows.rowsOf(model.y(), size, moving.y());
        double[][] z = MovingRows.rowsOf(model.z(), size, moving.z());
        double[][] gradY = MovingRows.rowsOf(null, size, moving.y());
        double[][] gradZ = MovingRows.rowsOf(null, size, moving.z());
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        double[] rowSumsY = RowSums.of(y, moving.y());
        double[] rowSumsZ = RowSums.of(z, moving.z());
        for (int step = 1; step <= spec.steps(); step++) {
            MovingRows.zero(gradY, moving.y());
            MovingRows.zero(gradZ, moving.z());
            double loss = source.gradient(y, z, gradY, gradZ);
            if (!Double.isFinite(loss)) {
                throw new DivergenceException(step, "loss", "loss = " + loss);
            }
            if (step == 1) {
                snapshots.add(Trajectory.observe(0, loss, y, z, model.spec(), classes,
                        RowSums.driftExtras(y, z, rowSumsY, rowSumsZ, moving)));
            }
            forY.step(y, gradY, moving.y());
            forZ.step(z, gradZ, moving.z());
            if (!allFinite(y, moving.y()) || !allFinite(z, moving.z())) {
                nameDivergence(step, gradY, gradZ, y, z);
            }
            if (RecordSteps.isRecorded(spec, step)) {
                snapshots.add(Trajectory.observe(step, loss, y, z, model.spec(), classes,
                        RowSums.driftExtras(y, z, rowSumsY, rowSumsZ, moving)));
            }
            onStep.accept(step);
        }
        MovingRows.writeBack(y, moving.y(), model.y());
        MovingRows.writeBack(z, moving.z(), model.z());
        return new Trajectory(rung, classes, snapshots);
    }

    /** A fresh optimiser of the configured kind for one tensor. */
    public static Optimizer optimizer(TrainSpec spec, double eta) {
        return switch (spec.optimizer()) {
            case SGD -> new SgdMomentum(eta, spec.momentum());
            case ADAM -> new Adam(eta);
        };
    }

    /**
     * Whether every entry of the given rows is finite, in branch-free passes. It is the only check per
     * step: from finite parameters and optimiser state, a non-finite gradient entry always makes its
     * parameter non-finite (v ← μv + g and Adam's moments carry a NaN or an infinity through to θ), and a
     * finite one can only overflow θ, so a finite θ after the update proves the gradient was finite too.
     * The rows left out never change, and they start finite.
     */
    static boolean allFinite(double[][] a, int[] rows) {
        // x·0 is 0 for every finite x and NaN for ±∞ and NaN; eight sums keep eight additions in flight.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        for (int r : rows) {
            double[] row = a[r];
            int i = 0;
            for (; i + 7 < row.length; i += 8) {
                s0 += row[i] * 0.0;
                s1 += row[i + 1] * 0.0;
                s2 += row[i + 2] * 0.0;
                s3 += row[i + 3] * 0.0;
                s4 += row[i + 4] * 0.0;
                s5 += row[i + 5] * 0.0;
                s6 += row[i + 6] * 0.0;
                s7 += row[i + 7] * 0.0;
            }
            for (; i < row.length; i++) {
                s0 += row[i] * 0.0;
            }
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0;
    }

    /** Throws for the first non-finite tensor in the order gradients, then parameters. */
    private static void nameDivergence(int step, double[][] gradY, double[][] gradZ, double[][] y, double[][] z) {
        requireFinite(gradY, step, "gradient of Y");
        requireFinite(gradZ, step, "gradient of Z");
        requireFinite(y, step, "Y");
        requireFinite(z, step, "Z");
        throw new IllegalStateException("a tensor failed the finiteness check but has no non-finite entry");
    }

    private static void requireFinite(double[][] a, int step, String what) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; a[r] != null && c < a[r].length; c++) {
                if (!Double.isFinite(a[r][c])) {
                    throw new DivergenceException(step, what, "entry (" + r + ", " + c + ") = " + a[r][c]);
                }
            }
        }
    }
}
