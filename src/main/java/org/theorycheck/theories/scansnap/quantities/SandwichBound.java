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
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Set;
import java.util.stream.DoubleStream;

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
        WorstCase worst = new WorstCase();
        DoubleStream.Builder tightest = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            SequenceClasses classes = t.classes();
            double largest = 0;
            double lowestShare = Double.POSITIVE_INFINITY;
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
                    double upper = b[i];
                    double violation = Math.max(Math.max(0, lower - gain), Math.max(0, gain - upper)) / upper;
                    lowestShare = Math.min(lowestShare, gain / upper);
                    largest = Math.max(largest, violation);
                    int cls = n;
                    double step = t.at(i).step();
                    worst.offer(violation, () -> "seed " + seed + ", class " + cls + ", step " + Trajectory.stepLabel(step) + ": "
                            + Format.number(lower) + " <= " + Format.number(gain) + " <= " + Format.number(upper) + "?");
                }
            }
            tightest.add(lowestShare);
            return largest;
        });
        return new Measurement(Stats.max(dev), "max relative violation " + Format.number(Stats.max(dev))
                + " (dz_l0/B_n from " + Format.number(Stats.min(tightest.build().toArray())) + ")" + Format.seeds(dev.length), dev,
                worst.description());
    }
}
