package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;

import java.util.List;
import java.util.Set;

/**
 * No collapse to one-hot attention within practical horizons (Theorem 4's consequences): at the last
 * step, every class's distinct-token entropy H_n stays above a floor that is a {@code fraction} of the
 * uniform attention's entropy ln D_n, D_n the class's number of distinct tokens (the experiment's
 * {@code data.distinct_per_next}). Deviation: max over classes of max(0, fraction · ln D_n − H_n), in
 * nats. One replicate per seed.
 */
final class EntropyFloor implements ScanSnapQuantity {

    @Override
    public String name() {
        return "entropy_floor";
    }

    @Override
    public String description() {
        return "max over classes of max(0, fraction * ln D_n - final distinct-token entropy), in nats "
                + "(D_n: the class's distinct tokens)";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("fraction", 0, Parameter.POSITIVE, 1).mandatory());
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double fraction = context.number("fraction");
        List<Trajectory> runs = context.traces(Trajectory.class);
        double[] dev = new double[runs.size()];
        double[] min = new double[runs.size()];
        String worst = "";
        double worstDeficit = Double.NEGATIVE_INFINITY;
        double lowestFloor = Double.POSITIVE_INFINITY;
        for (int s = 0; s < runs.size(); s++) {
            Trajectory t = runs.get(s);
            Trajectory.Snapshot last = t.last();
            min[s] = Double.POSITIVE_INFINITY;
            for (int n = 0; n < t.classes().classes(); n++) {
                double h = LongSequenceLimit.distinctEntropy(t.classes(), n, last.zRows()[n]);
                double uniform = Math.log(t.classes().distinctTokens(n).length);
                double floor = fraction * uniform;
                lowestFloor = Math.min(lowestFloor, floor);
                min[s] = Math.min(min[s], h);
                dev[s] = Math.max(dev[s], Math.max(0, floor - h));
                if (floor - h > worstDeficit) {
                    worstDeficit = floor - h;
                    worst = "seed " + context.seeds().get(s) + ", class " + n + ": entropy " + Fmt.n(h)
                            + " nats at step " + Trajectory.stepLabel(last.step()) + " (floor " + Fmt.n(floor)
                            + ", uniform " + Fmt.n(uniform) + ")";
                }
            }
        }
        return new Measurement(Stats.min(min), "min final distinct entropy " + Fmt.n(Stats.min(min)) + " nats (floor "
                + Fmt.n(fraction) + " ln D = " + Fmt.n(lowestFloor) + ")" + Fmt.seeds(runs.size()), dev, worst);
    }
}
