package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;

import java.util.List;
import java.util.Set;

/**
 * Theorem 3's bound (Eqn. 12, 116) on the dominant distinct token l0 = argmax P(l|n):
 * f_{nl0}(0)² B_n(t) ≤ z_{ml0}(t) − z_{ml0}(0) ≤ B_n(t), with B_n = η_Z ∫ ξ_n taken from the rung's
 * "B_n" series (the reduced dynamics integrate it alongside Z). Deviation: the largest violation of
 * either side, relative to B_n, over classes and recorded steps. One replicate per seed.
 */
final class SandwichBound implements ScanSnapQuantity {

    @Override
    public String name() {
        return "sandwich_bound";
    }

    @Override
    public String description() {
        return "max over classes and steps of the violation of f_nl0(0)^2 B_n <= dz_l0 <= B_n, relative to B_n (Eqn. 12)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("reduced");
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        List<Trajectory> runs = context.traces(Trajectory.class);
        double[] dev = new double[runs.size()];
        double tightest = Double.POSITIVE_INFINITY;
        String worst = "";
        double worstViolation = -1;
        for (int s = 0; s < runs.size(); s++) {
            Trajectory t = runs.get(s);
            SequenceClasses classes = t.classes();
            for (int n = 0; n < classes.classes(); n++) {
                int l0 = LogitDirection.tokens(classes, n, "dominant")[0];
                double f0 = LongSequenceLimit.decoderInput(classes, n, t.at(0).zRows()[n])[l0];
                double[] b = t.extraSeries("B_" + n);
                for (int i = 1; i < t.size(); i++) {
                    if (!(b[i] > 0)) {
                        continue;
                    }
                    double gain = t.z(i, n, l0) - t.z(0, n, l0);
                    double lower = f0 * f0 * b[i];
                    double violation = Math.max(Math.max(0, lower - gain), Math.max(0, gain - b[i])) / b[i];
                    tightest = Math.min(tightest, gain / b[i]);
                    dev[s] = Math.max(dev[s], violation);
                    if (violation > worstViolation) {
                        worstViolation = violation;
                        worst = "seed " + context.seeds().get(s) + ", class " + n + ", step "
                                + Trajectory.stepLabel(t.at(i).step()) + ": " + Fmt.n(lower) + " <= " + Fmt.n(gain)
                                + " <= " + Fmt.n(b[i]) + "?";
                    }
                }
            }
        }
        return new Measurement(Stats.max(dev), "max relative violation " + Fmt.n(Stats.max(dev))
                + " (dz_l0/B_n from " + Fmt.n(tightest) + ")" + Fmt.seeds(runs.size()), dev, worst);
    }
}
