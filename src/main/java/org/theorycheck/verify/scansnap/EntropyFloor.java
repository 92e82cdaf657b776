package org.theorycheck.verify.scansnap;

import org.theorycheck.model.LongSequenceLimit;
import org.theorycheck.model.Trajectory;
import org.theorycheck.verify.CheckContext;
import org.theorycheck.verify.Measurement;
import org.theorycheck.verify.Parameter;
import org.theorycheck.verify.Quantity;

import java.util.List;
import java.util.Set;

/**
 * No collapse to one-hot attention within practical horizons (Theorem 4's consequences): at the last
 * step, every class's distinct-token entropy stays above a floor (param {@code floor}, nats).
 * Deviation: max(0, floor − min_n H_n). One replicate per seed.
 */
final class EntropyFloor implements Quantity {

    @Override
    public String name() {
        return "entropy_floor";
    }

    @Override
    public String description() {
        return "max(0, floor - min over classes of the final distinct-token entropy) in nats";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("floor", 0, 0, 1e3).mandatory());
    }

    @Override
    public Measurement measure(CheckContext context) {
        double floor = context.number("floor");
        List<Trajectory> runs = context.trajectories();
        double[] dev = new double[runs.size()];
        double[] min = new double[runs.size()];
        String worst = "";
        for (int s = 0; s < runs.size(); s++) {
            Trajectory t = runs.get(s);
            Trajectory.Snapshot last = t.last();
            min[s] = Double.POSITIVE_INFINITY;
            for (int n = 0; n < t.classes().classes(); n++) {
                double h = LongSequenceLimit.distinctEntropy(t.classes(), n, last.zRows()[n]);
                if (h < min[s]) {
                    min[s] = h;
                    if (h <= Stats.min(min)) {
                        worst = "seed " + context.seeds().get(s) + ", class " + n + ": entropy " + Fmt.n(h)
                                + " nats at step " + Trajectory.stepLabel(last.step()) + " (uniform: "
                                + Fmt.n(Math.log(t.classes().distinctTokens(n).length)) + ")";
                    }
                }
            }
            dev[s] = Math.max(0, floor - min[s]);
        }
        return new Measurement(Stats.min(min), "min final distinct entropy " + Fmt.n(Stats.min(min)) + " nats (floor "
                + Fmt.n(floor) + ")" + Fmt.seeds(runs.size()), dev, worst);
    }
}
