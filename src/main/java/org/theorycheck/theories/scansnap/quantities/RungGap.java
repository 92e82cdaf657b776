package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTheory;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * The gap between two rungs of the ladder: how far the check's rung's attention logits are from those
 * of the rung named by {@code against} (usually the next one down, which drops one more assumption),
 * on the shared record grid, from the same Z(0). Deviation per seed: max over classes, tokens and
 * recorded steps of |z_rung − z_against|, divided by the largest movement |z_against(t) − z_against(0)|
 * of the same logits; entries the {@code against} rung leaves undetermined (the closed forms' distinct tokens) are
 * skipped, and an entry the check's rung lacks where {@code against} has one (runs read from files hold only the
 * logits of tokens their query attends to) is an error. 0 when the rungs agree; 1 when the gap is as large as the
 * logits' own movement.
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
        String rung = context.spec().rung();
        String againstName = context.text("against");
        if (againstName.equals(rung)) {
            throw new IllegalArgumentException("rung_gap compares two different rungs; against = " + againstName + " is the check's rung");
        }
        Rung<ExperimentConfig, ScanSnapTrace> against = context.rung(againstName);
        // A deterministic rung gives the same trajectory for every seed: its first one serves them all.
        long first = context.seeds().get(0);
        boolean random = against.isRandom(context.config());
        WorstCase worst = new WorstCase();
        DoubleStream.Builder movements = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, a) -> {
            Trajectory b = context.trace(against, context.config(), random ? seed : first, Trajectory.class);
            if (a.size() != b.size()) {
                throw new IllegalStateException("the rungs recorded " + a.size() + " and " + b.size() + " steps");
            }
            WorstCase gap = WorstCase.above(0);
            double moved = 0;
            for (int i = 0; i < a.size(); i++) {
                double step = a.at(i).step();
                for (int n = 0; n < a.classes().classes(); n++) {
                    int cls = n;
                    for (int l = 0; l < a.classes().vocabulary(); l++) {
                        double zb = b.z(i, n, l);
                        double za = a.z(i, n, l);
                        if (Double.isNaN(zb) || Double.isNaN(b.z(0, n, l))) {
                            continue;
                        }
                        if (Double.isNaN(za)) {
                            // an infinite gap would be a verdict on a logit that is not there
                            throw new IllegalArgumentException("seed " + seed + ", class " + n + ", token " + a.classes().label(l)
                                    + ", step " + Trajectory.stepLabel(step) + ": " + rung + " has no z where " + againstName
                                    + " has one, and rung_gap compares every token (runs read from files hold the logits of "
                                    + "the tokens their query attends to only)");
                        }
                        moved = Math.max(moved, Math.abs(zb - b.z(0, n, l)));
                        int token = l;
                        gap.offer(Math.abs(za - zb), () -> "seed " + seed + ", class "
                                + cls + ", token " + a.classes().label(token) + ", step " + Trajectory.stepLabel(step) + ": z = "
                                + Format.number(za) + " on " + rung + ", " + Format.number(zb) + " on " + againstName);
                    }
                }
            }
            if (moved == 0) {
                throw new IllegalStateException("the logits do not move on " + againstName + ", so no gap can be relative to it");
            }
            double largestMove = moved;
            movements.add(largestMove);
            double relative = gap.score() / largestMove;
            worst.offer(relative, () -> gap.description() + " (largest movement " + Format.number(largestMove) + ")");
            return relative;
        });
        double max = Stats.max(dev);
        return new Measurement(max, "max |z(" + rung + ") - z(" + againstName + ")| / max movement "
                + Format.number(max) + " (z moves up to " + Format.number(Stats.max(movements.build().toArray())) + ")"
                + Format.seeds(dev.length), dev, worst.description());
    }
}
