package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * The direction of attention logits z_{ψ(n),l} over time: Theorem 2(a) (distinct tokens increase),
 * Theorem 2(b) and Corollary 2 (common tokens decrease), Theorem 3 (the dominant distinct token l0 =
 * argmax P(l|n) increases). Deviation: the fraction of (class, token, recorded interval) triples in
 * which the logit moves the wrong way by more than a rounding floor. One replicate per seed.
 */
final class LogitDirection implements ScanSnapQuantity {

    /** Moves smaller than this (relative to 1 + |z|) are rounding, not a direction. */
    static final double ROUNDING_FLOOR = 1e-12;

    @Override
    public String name() {
        return "logit_direction";
    }

    @Override
    public String description() {
        return "fraction of (class, token, interval) where z moves against the predicted direction";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("tokens", "distinct", "distinct", "common", "dominant"),
                Parameter.choice("direction", "increase", "increase", "decrease"));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        String which = context.text("tokens");
        String direction = context.text("direction");
        double sign = direction.equals("increase") ? 1 : -1;
        WorstCase worst = new WorstCase();
        DoubleStream.Builder examined = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            SequenceClasses classes = t.classes();
            int wrong = 0;
            int total = 0;
            for (int n = 0; n < classes.classes(); n++) {
                for (int l : tokens(classes, n, which)) {
                    for (int i = 1; i < t.size(); i++) {
                        double before = t.z(i - 1, n, l);
                        double move = sign * (t.z(i, n, l) - before);
                        total++;
                        if (move < -ROUNDING_FLOOR * (1 + Math.abs(before)) || Double.isNaN(move)) {
                            wrong++;
                            int cls = n;
                            double from = t.at(i - 1).step();
                            double to = t.at(i).step();
                            double moved = t.z(i, n, l) - before;
                            // The largest move the wrong way is the worst; a move that is not a number, worse still.
                            worst.offer(Double.isNaN(move) ? Double.POSITIVE_INFINITY : -move, () -> "seed " + seed + ", class "
                                    + cls + ", token " + classes.label(l) + " (P=" + Format.number(classes.probability(cls, l))
                                    + "), steps " + Trajectory.stepLabel(from) + "->" + Trajectory.stepLabel(to) + ": z moved "
                                    + Format.number(moved));
                        }
                    }
                }
            }
            if (total == 0) {
                throw new IllegalArgumentException("the experiment has no " + which + " tokens");
            }
            examined.add(total);
            return (double) wrong / total;
        });
        double mean = Stats.mean(dev);
        return new Measurement(mean, Format.number(100 * mean) + "% of " + (long) examined.build().sum() + " moves against '"
                + direction + "' (" + which + ")" + Format.seeds(dev.length), dev, worst.description())
                .withMovement(LogitMovement.of(context.traces(Trajectory.class)));
    }

    static int[] tokens(SequenceClasses classes, int n, String which) {
        int[] distinct = classes.distinctTokens(n);
        switch (which) {
            case "distinct":
                return distinct;
            case "dominant":
                int best = distinct[0];
                for (int l : distinct) {
                    if (classes.probability(n, l) > classes.probability(n, best)) {
                        best = l;
                    }
                }
                return new int[] {best};
            default:
                List<Integer> common = new ArrayList<>();
                for (int l : classes.support(n)) {
                    if (classes.role(l) == TokenRole.COMMON) {
                        common.add(l);
                    }
                }
                return common.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
