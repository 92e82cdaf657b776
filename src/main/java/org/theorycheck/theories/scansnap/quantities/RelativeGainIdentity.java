package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Set;

/**
 * Theorem 3's relative-gain identity in the form of Eqn. 110: for two distinct tokens l, l' of class n,
 * e^{−2Δz_l} − 1 = (r_{l/l'|n}(0) + 1)(e^{−2Δz_{l'}} − 1), with r + 1 = c̃_{l|n}(0)²/c̃_{l'|n}(0)² and
 * Δz = z(t) − z(0). Exact along Eqn. 10 (both rates share the factor η_Z ξ_n, Eqn. 98); approximate
 * on the rungs above. Every distinct l is paired with the dominant l' = argmax P(l|n). Deviation: the
 * largest |left − right| over classes, tokens and recorded steps, divided by the largest |right| (both
 * sides lie in (−1, 0] while the logits grow; dividing makes runs that move little comparable with runs
 * that move much). One replicate per seed.
 */
final class RelativeGainIdentity implements ScanSnapQuantity {

    @Override
    public String name() {
        return "relative_gain_identity";
    }

    @Override
    public String description() {
        return "max |(e^{-2dz_l}-1) - (r(0)+1)(e^{-2dz_l0}-1)| over classes, distinct tokens, steps, "
                + "relative to the largest |right side| (Eqn. 110 says 0)";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        WorstCase worst = new WorstCase();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            SequenceClasses classes = t.classes();
            double largest = 0;
            double scale = 0;
            for (int n = 0; n < classes.classes(); n++) {
                int dominant = LogitDirection.tokens(classes, n, "dominant")[0];
                double c0Dominant = classes.probability(n, dominant) * Math.exp(t.z(0, n, dominant));
                for (int l : classes.distinctTokens(n)) {
                    if (l == dominant) {
                        continue;
                    }
                    double ratio = classes.probability(n, l) * Math.exp(t.z(0, n, l)) / c0Dominant;
                    for (int i = 1; i < t.size(); i++) {
                        double left = Math.expm1(-2 * (t.z(i, n, l) - t.z(0, n, l)));
                        double right = ratio * ratio * Math.expm1(-2 * (t.z(i, n, dominant) - t.z(0, n, dominant)));
                        double gap = Math.abs(left - right);
                        scale = Math.max(scale, Math.abs(right));
                        if (Double.isNaN(gap)) {
                            gap = Double.POSITIVE_INFINITY;
                        }
                        largest = Math.max(largest, gap);
                        int cls = n;
                        double step = t.at(i).step();
                        worst.offer(gap, () -> "seed " + seed + ", class " + cls + ", token " + classes.label(l) + " vs "
                                + classes.label(dominant) + ", step " + Trajectory.stepLabel(step) + ": left " + Format.number(left)
                                + ", right " + Format.number(right));
                    }
                }
            }
            return scale > 0 ? largest / scale : largest;
        });
        double max = Stats.max(dev);
        return new Measurement(max, "max |Eqn. 110 gap| / max |right side| " + Format.number(max) + Format.seeds(dev.length), dev,
                worst.description());
    }
}
