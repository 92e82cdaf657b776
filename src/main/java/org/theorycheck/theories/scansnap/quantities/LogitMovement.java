package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Movement;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Arrays;
import java.util.List;

/**
 * How far a run's attention logits moved, the evidence that its attention learned (the core's {@link Movement}):
 * per class n, the spread over the tokens of its support of z_{ψ(n),l}(T) − z_{ψ(n),l}(0), the last record
 * against the first, over the spread of z_{ψ(n),l}(0) (standard deviations over the tokens, so a shift of the
 * whole row, which changes no attention, counts as no move). A row that starts with no spread (Z(0) = 0) is
 * held to {@link #FLOOR} instead. A run's movement is that of its class that moved least; a check's, the median
 * over its runs. Below 1 the logits did not move past where they started, so whatever order or direction they
 * show is still the initialisation's, not what training made of it. That covers a run whose loss vanished
 * before its attention moved: the gradient on the logits is proportional to the residual e_n − α_n, so once
 * the loss has vanished they stay where they were.
 */
final class LogitMovement {

    /**
     * The spread a row must pass when it starts without one, in nats: a logit move of 0.05 changes an attention
     * weight by a factor e^0.05 ≈ 1.05, the least that shows in the figures and checks of this theory.
     */
    static final double FLOOR = 0.05;

    private LogitMovement() {}

    /** The movement of one run (NaN if no class has a logit the rung determines). */
    static double ratio(Trajectory t) {
        SequenceClasses classes = t.classes();
        Trajectory.Snapshot first = t.at(0);
        Trajectory.Snapshot last = t.last();
        double least = Double.NaN;
        for (int n = 0; n < classes.classes(); n++) {
            double[] row = first.zRows()[n];
            int[] support = Arrays.stream(classes.support(n)).filter(l -> Double.isFinite(row[l])).toArray();
            if (support.length < 2) {
                continue;
            }
            double[] start = new double[support.length];
            double[] moved = new double[support.length];
            for (int i = 0; i < support.length; i++) {
                start[i] = first.zRows()[n][support[i]];
                moved[i] = last.zRows()[n][support[i]] - start[i];
            }
            double r = Stats.spread(moved) / Math.max(Stats.spread(start), FLOOR);
            least = Double.isNaN(least) ? r : Math.min(least, r);
        }
        return least;
    }

    /** The movement of a check's runs: the median of theirs, with the least in words. */
    static Movement of(List<Trajectory> runs) {
        double[] r = runs.stream().mapToDouble(LogitMovement::ratio).toArray();
        double median = Stats.median(r);
        String text = "logits moved " + Format.number(median) + "x their initial spread"
                + (r.length == 1 ? "" : " (median of " + r.length + " runs, least " + Format.number(Stats.min(r)) + "x)");
        return new Movement(median, text);
    }
}
