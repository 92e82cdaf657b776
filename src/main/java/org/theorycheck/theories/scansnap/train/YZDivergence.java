package org.theorycheck.theories.scansnap.train;

import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The core's {@link Divergence} said of Scan and Snap's runs: which recorded values of a snapshot are
 * checked, and which rates the message tells to lower. At η = 300 on Syn-Small Adam drives Y to 1,800
 * within 100 steps with the loss exactly 0, which is in range; at η = 1e300 the YZ model's parameters
 * stayed finite while its row-sum drift came out at 1e285, which is not.
 */
public final class YZDivergence {

    private YZDivergence() {}

    /**
     * Checks one snapshot of a rung, by the names of trace.csv and attention.csv: its loss and logits z in
     * range; its decoder residuals, extras and measured attention finite; except what the rung leaves
     * undetermined. The distinct-token entropy and the attention c need no check of their own: computed from
     * max-shifted logits in range, every weight is in [0, 1] and the largest is 1, so they are finite.
     *
     * @param precision the precision the rung computes its logits in
     */
    public static void requireRecorded(Trajectory.Snapshot s, SequenceClasses classes,
                                       Set<Trajectory.Undetermined> undetermined, At at, Precision precision,
                                       String advice) {
        if (!undetermined.contains(Trajectory.Undetermined.LOSS)) {
            Divergence.requireInRange(s.loss(), at, "loss", precision, advice);
        }
        int k = classes.classes();
        if (!undetermined.contains(Trajectory.Undetermined.DECODER_RESIDUAL)) {
            Divergence.requireFinite(s.decoderResidual(), at, "decoder_residual", n -> "(class " + n + ")", advice);
        }
        for (Map.Entry<String, Double> e : s.extras().entrySet()) {
            Divergence.requireFinite(e.getValue(), at, e.getKey(), advice);
        }
        boolean distinctUndetermined = undetermined.contains(Trajectory.Undetermined.DISTINCT_LOGITS);
        for (int n = 0; n < k; n++) {
            int cls = n;
            double[] row = s.zRows()[n];
            IntFunction<String> token = l -> "(class " + cls + ", token " + l + ")";
            if (!distinctUndetermined) {
                Divergence.requireInRange(row, at, "z", token, precision, advice);
            } else {
                for (int l = 0; l < row.length; l++) {
                    if (classes.role(l) != TokenRole.DISTINCT && !Divergence.inRange(row[l], precision)) {
                        Divergence.requireInRange(row[l], at, "z", token.apply(l), precision, advice);
                    }
                }
            }
            if (s.measuredAttention() != null) {
                Divergence.requireFinite(s.measuredAttention()[n], at, "a", l -> "(class " + cls + ", token " + l + ")", advice);
            }
        }
    }

    /** What to lower when Y (the decoder) diverges. */
    public static String lowerEtaY(TrainSpec train) {
        return "lower η_Y = " + train.etaY() + " (train.eta_y, or train.eta_ratio × train.eta_z)";
    }

    /** What to lower when Z (the attention) diverges. */
    public static String lowerEtaZ(TrainSpec train) {
        return "lower η_Z = " + train.etaZ() + " (train.eta_z)";
    }

    /** What to lower when a quantity of both tensors diverges. */
    public static String lowerRates(TrainSpec train) {
        String momentum = train.optimizer() == TrainSpec.Optimizer.SGD && train.momentum() > 0
                ? ", or the momentum μ = " + train.momentum() + " (train.momentum)" : "";
        return "lower the rates η_Z = " + train.etaZ() + " (train.eta_z) and η_Y = " + train.etaY()
                + " (train.eta_y, or train.eta_ratio × train.eta_z)" + momentum;
    }

}
