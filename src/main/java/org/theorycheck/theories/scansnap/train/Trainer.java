package org.theorycheck.theories.scansnap.train;

import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.MovingRows;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The training loop shared by rung 1 (SGD) and rung 2 (expected-gradient map): each step takes the
 * gradient from a {@link GradientSource}, lets one optimiser per tensor update Y (rate η_Y) and Z (rate
 * η_Z), and stops as soon as the run diverges in the sense of {@link Divergence}: the loss, the gradients
 * and the parameters at every step, every recorded value at the record steps. Records the state at step 0,
 * every {@code record_every} steps and at the last step; the loss recorded at step s is the one of the gradient of update s (at step 0, of
 * update 1), evaluated before that update.
 */
public final class Trainer {

    private Trainer() {}

    /**
     * Trains {@code model} in place and returns its trajectory.
     *
     * @param onStep called after every step with the step number (progress reporting); may be a no-op
     * @throws DivergenceException if the run diverges ({@link Divergence}): a loss, gradient, parameter or
     *                             recorded value that is not finite, or a loss or parameter that overflows
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
        String lowerRates = YZDivergence.lowerRates(spec);
        for (int step = 1; step <= spec.steps(); step++) {
            MovingRows.zero(gradY, moving.y());
            MovingRows.zero(gradZ, moving.z());
            double loss = source.gradient(y, z, gradY, gradZ);
            Divergence.requireInRange(loss, At.step(step), "loss", Precision.DOUBLE, lowerRates);
            if (step == 1) {
                snapshots.add(observe(0, loss, y, z, model, classes, lowerRates, rowSumsY, rowSumsZ, moving));
            }
            forY.step(y, gradY, moving.y());
            forZ.step(z, gradZ, moving.z());
            if (!Divergence.allInRange(y, moving.y(), Precision.DOUBLE) || !Divergence.allInRange(z, moving.z(), Precision.DOUBLE)) {
                nameDivergence(At.step(step), spec, moving, gradY, gradZ, y, z);
            }
            if (RecordSteps.isRecorded(spec, step)) {
                snapshots.add(observe(step, loss, y, z, model, classes, lowerRates, rowSumsY, rowSumsZ, moving));
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

    /** The snapshot at {@code step}, after checking every value it records. */
    private static Trajectory.Snapshot observe(int step, double loss, double[][] y, double[][] z, YZModel model,
                                               SequenceClasses classes, String lowerRates, double[] rowSumsY,
                                               double[] rowSumsZ, MovingRows moving) {
        Trajectory.Snapshot s = Trajectory.observe(step, loss, y, z, model.spec(), classes,
                RowSums.driftExtras(y, z, rowSumsY, rowSumsZ, moving));
        YZDivergence.requireRecorded(s, classes, Trajectory.DETERMINED, At.step(step), Precision.DOUBLE, lowerRates);
        return s;
    }

    /**
     * Throws for the first tensor that diverged, in the order gradients (not finite), then parameters (out of
     * range). Checking only the parameters at every step is enough: from parameters in range and a finite
     * optimiser state, a non-finite gradient entry always makes its parameter non-finite (v ← μv + g and
     * Adam's moments carry a NaN or an infinity through to θ). The rows left out never change, and they
     * start in range.
     */
    private static void nameDivergence(At at, TrainSpec spec, MovingRows moving, double[][] gradY, double[][] gradZ,
                                       double[][] y, double[][] z) {
        Divergence.requireFinite(gradY, moving.y(), at, "gradient of Y", YZDivergence.lowerEtaY(spec));
        Divergence.requireFinite(gradZ, moving.z(), at, "gradient of Z", YZDivergence.lowerEtaZ(spec));
        Divergence.requireInRange(y, moving.y(), at, "Y", Precision.DOUBLE, YZDivergence.lowerEtaY(spec));
        Divergence.requireInRange(z, moving.z(), at, "Z", Precision.DOUBLE, YZDivergence.lowerEtaZ(spec));
        throw new IllegalStateException("a tensor failed the range check but has no entry out of range");
    }
}
