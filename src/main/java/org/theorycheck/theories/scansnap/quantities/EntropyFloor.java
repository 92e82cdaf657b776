package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

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
        WorstCase worst = new WorstCase();
        DoubleStream.Builder lowest = DoubleStream.builder();
        DoubleStream.Builder floors = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            Trajectory.Snapshot last = t.last();
            double deficit = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int n = 0; n < t.classes().classes(); n++) {
                double h = LongSequenceLimit.distinctEntropy(t.classes(), n, last.zRows()[n]);
                double uniform = Math.log(t.classes().distinctTokens(n).length);
                double floor = fraction * uniform;
                floors.add(floor);
                min = Math.min(min, h);
                deficit = Math.max(deficit, Math.max(0, floor - h));
                int cls = n;
                worst.offer(floor - h, () -> "seed " + seed + ", class " + cls + ": entropy " + Format.number(h)
                        + " nats at step " + Trajectory.stepLabel(last.step()) + " (floor " + Format.number(floor)
                        + ", uniform " + Format.number(uniform) + ")");
            }
            lowest.add(min);
            return deficit;
        });
        double min = Stats.min(lowest.build().toArray());
        return new Measurement(min, "min final distinct entropy " + Format.number(min) + " nats (floor "
                + Format.number(fraction) + " ln D = " + Format.number(Stats.min(floors.build().toArray())) + ")"
                + Format.seeds(dev.length), dev, worst.description())
                .withMovement(LogitMovement.of(context.traces(Trajectory.class)));
    }
}
