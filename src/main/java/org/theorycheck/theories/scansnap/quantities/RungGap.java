package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.ScanSnapTheory;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;

import java.util.List;
import java.util.Set;

/**
 * The gap between two rungs of the ladder: how far the check's rung's attention logits are from those
 * of the rung named by {@code against} (usually the next one down, which drops one more assumption),
 * on the shared record grid, from the same Z(0). Deviation per seed: max over classes, tokens and
 * recorded steps of |z_rung − z_against|, divided by the largest movement |z_against(t) − z_against(0)|
 * of the same logits; entries one rung leaves undetermined (the closed forms' distinct tokens) are
 * skipped. 0 when the rungs agree; 1 when the gap is as large as the logits' own movement.
 */
final class RungGap implements ScanSnapQuantity {

    @Override
    public String name() {
        return "rung_gap";
    }

    @Override
    public String description() {
        return "max over classes, tokens, steps of |z(rung) - z(against)| relative to the largest movement of z(against)";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRAJECTORY_RUNGS;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.rung("against", "map", ScanSnapTheory.RUNGS));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        String againstName = context.text("against");
        if (againstName.equals(context.spec().rung())) {
            throw new IllegalArgumentException("rung_gap compares two different rungs; against = " + againstName + " is the check's rung");
        }
        Rung against = context.rung(againstName);
        List<Long> seeds = context.seeds();
        double[] dev = new double[seeds.size()];
        String worst = "";
        double worstGap = -1;
        double movement = 0;
        for (int s = 0; s < seeds.size(); s++) {
            Trajectory a = context.trace(context.rung(), context.config(), seeds.get(s), Trajectory.class);
            // A deterministic rung from Z(0) = 0 gives the same trajectory for every seed.
            boolean random = againstName.equals("sgd") || context.config().model().init() != ModelSpec.Init.ZERO;
            Trajectory b = context.trace(against, context.config(), random ? seeds.get(s) : seeds.get(0), Trajectory.class);
            if (a.size() != b.size()) {
                throw new IllegalStateException("the rungs recorded " + a.size() + " and " + b.size() + " steps");
            }
            double gap = 0;
            double moved = 0;
            String where = "";
            for (int i = 0; i < a.size(); i++) {
                for (int n = 0; n < a.classes().classes(); n++) {
                    for (int l = 0; l < a.classes().vocabulary(); l++) {
                        double zb = b.z(i, n, l);
                        double za = a.z(i, n, l);
                        if (Double.isNaN(zb) || Double.isNaN(b.z(0, n, l))) {
                            continue;
                        }
                        moved = Math.max(moved, Math.abs(zb - b.z(0, n, l)));
                        double d = Double.isNaN(za) ? Double.POSITIVE_INFINITY : Math.abs(za - zb);
                        if (d > gap) {
                            gap = d;
                            where = "seed " + seeds.get(s) + ", class " + n + ", token " + a.classes().label(l) + ", step "
                                    + Trajectory.stepLabel(a.at(i).step()) + ": z = " + Fmt.n(za) + " on " + context.spec().rung()
                                    + ", " + Fmt.n(zb) + " on " + againstName;
                        }
                    }
                }
            }
            if (moved == 0) {
                throw new IllegalStateException("the logits do not move on " + againstName + ", so no gap can be relative to it");
            }
            dev[s] = gap / moved;
            movement = Math.max(movement, moved);
            if (dev[s] > worstGap) {
                worstGap = dev[s];
                worst = where + " (largest movement " + Fmt.n(moved) + ")";
            }
        }
        double max = Stats.max(dev);
        return new Measurement(max, "max |z(" + context.spec().rung() + ") - z(" + againstName + ")| / max movement "
                + Fmt.n(max) + " (z moves up to " + Fmt.n(movement) + ")" + Fmt.seeds(seeds.size()), dev, worst);
    }
}
