package org.theorycheck.train;

import org.theorycheck.config.TrainSpec;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.model.RowSums;
import org.theorycheck.model.Trajectory;
import org.theorycheck.model.YZModel;

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
        int length = model.size() * model.size();
        Optimizer forY = optimizer(spec, spec.etaY(), length);
        Optimizer forZ = optimizer(spec, spec.etaZ(), length);
        double[] gradY = new double[length];
        double[] gradZ = new double[length];
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        double[] rowSumsY = RowSums.of(model.y(), model.size());
        double[] rowSumsZ = RowSums.of(model.z(), model.size());
        for (int step = 1; step <= spec.steps(); step++) {
            java.util.Arrays.fill(gradY, 0.0);
            java.util.Arrays.fill(gradZ, 0.0);
            double loss = source.gradient(model, gradY, gradZ);
            if (!Double.isFinite(loss)) {
                throw new DivergenceException(step, "loss", "loss = " + loss);
            }
            if (step == 1) {
                snapshots.add(Trajectory.observe(0, loss, model, classes, RowSums.driftExtras(model, rowSumsY, rowSumsZ)));
            }
            forY.step(model.y(), gradY);
            forZ.step(model.z(), gradZ);
            if (!allFinite(model.y()) || !allFinite(model.z())) {
                nameDivergence(step, model, gradY, gradZ);
            }
            if (RecordSteps.isRecorded(spec, step)) {
                snapshots.add(Trajectory.observe(step, loss, model, classes, RowSums.driftExtras(model, rowSumsY, rowSumsZ)));
            }
            onStep.accept(step);
        }
        return new Trajectory(rung, classes, snapshots);
    }

    /** A fresh optimiser of the configured kind for one tensor. */
    public static Optimizer optimizer(TrainSpec spec, double eta, int length) {
        return switch (spec.optimizer()) {
            case SGD -> new SgdMomentum(eta, spec.momentum(), length);
            case ADAM -> new Adam(eta, length);
        };
    }

    /**
     * Whether every entry is finite, in one branch-free pass. It is the only check per step: from finite
     * parameters and optimiser state, a non-finite gradient entry always makes its parameter non-finite
     * (v ← μv + g and Adam's moments carry a NaN or an infinity through to θ), and a finite one can only
     * overflow θ, so a finite θ after the update proves the gradient was finite too.
     */
    static boolean allFinite(double[] a) {
        // x·0 is 0 for every finite x and NaN for ±∞ and NaN; four sums keep four additions in flight.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * 0.0;
            s1 += a[i + 1] * 0.0;
            s2 += a[i + 2] * 0.0;
            s3 += a[i + 3] * 0.0;
        }
        for (; i < a.length; i++) {
            s0 += a[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 == 0;
    }

    /** Throws for the first non-finite tensor in the order gradients, then parameters. */
    private static void nameDivergence(int step, YZModel model, double[] gradY, double[] gradZ) {
        requireFinite(gradY, model.size(), step, "gradient of Y");
        requireFinite(gradZ, model.size(), step, "gradient of Z");
        requireFinite(model.y(), model.size(), step, "Y");
        requireFinite(model.z(), model.size(), step, "Z");
        throw new IllegalStateException("a tensor failed the finiteness check but has no non-finite entry");
    }

    private static void requireFinite(double[] a, int size, int step, String what) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new DivergenceException(step, what,
                        "entry (" + i / size + ", " + i % size + ") = " + a[i]);
            }
        }
    }
}
