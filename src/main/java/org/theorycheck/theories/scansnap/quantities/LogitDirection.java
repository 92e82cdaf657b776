package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        List<Trajectory> runs = context.traces(Trajectory.class);
        double[] dev = new double[runs.size()];
        String worst = "";
        double worstMove = 0;
        int examined = 0;
        for (int s = 0; s < runs.size(); s++) {
            Trajectory t = runs.get(s);
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
                            if (move < worstMove || Double.isNaN(move)) {
                                worstMove = move;
                                worst = "seed " + context.seeds().get(s) + ", class " + n + ", token "
                                        + classes.label(l) + " (P=" + Fmt.n(classes.probability(n, l)) + "), steps "
                                        + Trajectory.stepLabel(t.at(i - 1).step()) + "->" + Trajectory.stepLabel(t.at(i).step())
                                        + ": z moved " + Fmt.n(t.z(i, n, l) - before);
                            }
                        }
                    }
                }
            }
            if (total == 0) {
                throw new IllegalArgumentException("the experiment has no " + which + " tokens");
            }
            examined += total;
            dev[s] = (double) wrong / total;
        }
        double mean = Stats.mean(dev);
        return new Measurement(mean, Fmt.n(100 * mean) + "% of " + examined + " moves against '" + direction + "' ("
                + which + ")" + Fmt.seeds(runs.size()), dev, worst);
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
