package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.train.RecordSteps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trajectories made by hand on an experiment's sequence classes and record steps, for the quantity contracts. */
final class HandMadeTrajectories {

    private HandMadeTrajectories() {}

    /** z_{ψ(n),l} at a time, for the classes' probabilities P(l|n). */
    @FunctionalInterface
    interface Logits {
        double z(SequenceClasses classes, double step, int n, int l);
    }

    /** What a snapshot carries besides the logits: the decoder residual of every class and the named extras. */
    @FunctionalInterface
    interface Extras {
        Map<String, Double> at(SequenceClasses classes, double step, double[][] zRows);
    }

    /** Logits only: no decoder (NaN residuals), no extras. */
    static Trajectory of(ExperimentConfig e, Logits z) {
        return of(e, z, Double.NaN, (classes, step, rows) -> Map.of());
    }

    /** A trajectory on the record steps of {@code e}, each class with decoder residual {@code residual} at every step. */
    static Trajectory of(ExperimentConfig e, Logits z, double residual, Extras extras) {
        SequenceClasses classes = SyntheticFamily.build(e.data());
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        for (double step : RecordSteps.of(e.train())) {
            double[][] rows = new double[classes.classes()][classes.vocabulary()];
            double[] residuals = new double[classes.classes()];
            for (int n = 0; n < rows.length; n++) {
                for (int l = 0; l < classes.vocabulary(); l++) {
                    rows[n][l] = z.z(classes, step, n, l);
                }
                residuals[n] = residual;
            }
            snapshots.add(new Trajectory.Snapshot(step, Double.NaN, rows, residuals, extras.at(classes, step, rows)));
        }
        return new Trajectory("hand-made", classes, snapshots);
    }

    /** Distinct tokens grow at rate {@code rate}·P(l|n), every other logit stays 0: the frequency bias of Theorem 3. */
    static Logits distinctGrowing(double rate) {
        return (classes, step, n, l) -> isDistinct(classes, n, l) ? rate * classes.probability(n, l) * step : 0;
    }

    static boolean isDistinct(SequenceClasses classes, int n, int l) {
        for (int d : classes.distinctTokens(n)) {
            if (d == l) {
                return true;
            }
        }
        return false;
    }

    /** The same trajectory with the logit of class n, token l changed by {@code by} at the last snapshot. */
    static Trajectory pushedAtTheEnd(Trajectory t, int n, int l, double by) {
        List<Trajectory.Snapshot> snapshots = new ArrayList<>(t.snapshots());
        Trajectory.Snapshot last = snapshots.get(snapshots.size() - 1);
        double[][] rows = new double[last.zRows().length][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = last.zRows()[k].clone();
        }
        rows[n][l] += by;
        snapshots.set(snapshots.size() - 1, new Trajectory.Snapshot(last.step(), last.loss(), rows, last.decoderResidual(),
                last.extras(), last.measuredAttention()));
        return new Trajectory(t.rung(), t.classes(), snapshots);
    }
}
