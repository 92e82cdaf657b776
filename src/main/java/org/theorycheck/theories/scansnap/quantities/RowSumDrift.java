package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Set;

/**
 * Lemma 1's invariant: every row sum of Y and Z is constant in time. Deviation: the largest absolute
 * drift of a row sum from its value at step 0, over all recorded steps (Y and all of Z where the rung
 * has them — the row_sum_drift extras — and the query rows of Z on every rung). One replicate per seed.
 */
final class RowSumDrift implements ScanSnapQuantity {

    @Override
    public String name() {
        return "row_sum_drift";
    }

    @Override
    public String description() {
        return "largest |row sum(t) - row sum(0)| of Y and Z over the run (Lemma 1 says 0)";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        WorstCase worst = new WorstCase();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            double largest = 0;
            for (int i = 0; i < t.size(); i++) {
                Trajectory.Snapshot snap = t.at(i);
                double d = Math.max(snap.extras().getOrDefault(RowSums.DRIFT_Y, 0.0),
                        snap.extras().getOrDefault(RowSums.DRIFT_Z, 0.0));
                for (int n = 0; n < t.classes().classes(); n++) {
                    double sum0 = 0;
                    double sum = 0;
                    for (int l = 0; l < t.classes().vocabulary(); l++) {
                        if (Double.isNaN(t.z(0, n, l)) || Double.isNaN(t.z(i, n, l))) {
                            // an infinite drift would be a verdict on a logit that is not there
                            throw new IllegalArgumentException("seed " + seed + ", class " + n + ", token " + t.classes().label(l)
                                    + ", step " + Trajectory.stepLabel(snap.step()) + ": the trace has no z here, and row_sum_drift "
                                    + "sums every token of a row (runs read from files hold the logits of the tokens their query "
                                    + "attends to only)");
                        }
                        sum0 += t.z(0, n, l);
                        sum += t.z(i, n, l);
                    }
                    d = Math.max(d, Math.abs(sum - sum0));
                }
                double drift = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                largest = Math.max(largest, drift);
                worst.offer(drift, () -> "seed " + seed + ", step " + Trajectory.stepLabel(snap.step()) + ": drift "
                        + Format.number(drift));
            }
            return largest;
        });
        double max = Stats.max(dev);
        return new Measurement(max, "max row-sum drift " + Format.number(max) + Format.seeds(dev.length), dev, worst.description());
    }
}
