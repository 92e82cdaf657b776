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

import java.util.Arrays;
import java.util.Set;

/**
 * Theorem 3's frequency bias: at the last step, the distinct tokens of each class are ordered by
 * P(l|n) in their logits z_{ψ(n),l} (and so in c_{l|n} = P e^z / Σ). Measured: the smallest, over
 * classes, Spearman correlation between P(l|n) and z; deviation 1 − that correlation (0 = perfect
 * order). One replicate per seed.
 */
final class FrequencyOrder implements ScanSnapQuantity {

    @Override
    public String name() {
        return "frequency_order";
    }

    @Override
    public String description() {
        return "1 - min over classes of Spearman(P(l|n), z_ml) on the distinct tokens at the last step";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        WorstCase worst = new WorstCase();
        double[] rho = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            SequenceClasses classes = t.classes();
            int last = t.size() - 1;
            double min = 1;
            for (int n = 0; n < classes.classes(); n++) {
                int[] distinct = classes.distinctTokens(n);
                double[] p = new double[distinct.length];
                double[] z = new double[distinct.length];
                for (int i = 0; i < distinct.length; i++) {
                    p[i] = classes.probability(n, distinct[i]);
                    z[i] = t.z(last, n, distinct[i]);
                }
                double r = Stats.spearman(p, z);
                if (r < min) {
                    min = r;
                }
                int cls = n;
                // The lowest correlation is the worst.
                worst.offer(-r, () -> "seed " + seed + ", class " + cls + ": Spearman " + Format.number(r) + " at step "
                        + Trajectory.stepLabel(t.at(last).step()));
            }
            return min;
        });
        double[] dev = Arrays.stream(rho).map(r -> 1 - r).toArray();
        return new Measurement(Stats.mean(rho), "min Spearman(P, z) " + Format.number(Stats.min(rho)) + ", mean "
                + Format.number(Stats.mean(rho)) + Format.seeds(rho.length), dev, worst.description())
                .withMovement(LogitMovement.of(context.traces(Trajectory.class)));
    }
}
