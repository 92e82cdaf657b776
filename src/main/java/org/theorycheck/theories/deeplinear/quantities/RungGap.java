package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;

/**
 * The gap between two rungs of the ladder, the assumption the lower one adds being what the gap measures:
 * on the shared record grid, max over recorded learnable modes and times of |u_α(rung) − u_α(against)|,
 * relative to the largest movement |u_α(t) − u_α(0)| of those modes on {@code against}. 0 when the rungs
 * agree; 1 when the gap is as large as the motion. Undecided if nothing moves on {@code against}.
 */
final class RungGap extends DeepLinearQuantity {

    RungGap() {
        super("rung_gap", "max over modes and records of |u(rung) - u(against)| relative to the largest movement of u(against)",
                EVERY_RUNG);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.rung("against", "gd", Ladder.NAMES));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        String rung = context.spec().rung();
        String againstName = context.text("against");
        if (againstName.equals(rung)) {
            throw new IllegalArgumentException("rung_gap compares two rungs; against = " + againstName + " is the check's rung");
        }
        Rung<DeepLinearExperiment, DeepLinearTrace> against = context.rung(againstName);
        DeepLinearExperiment e = context.config();
        long first = context.seeds().get(0);
        boolean random = against.isRandom(e);
        int[] modes = Modes.of(e).alpha();
        return perSeed(context, (seed, a) -> {
            DeepLinearTrace b = context.trace(against, e, random ? seed : first, DeepLinearTrace.class);
            double[] t = a.steps();
            WorstCase gap = WorstCase.above(0);
            double moved = 0;
            for (int m : modes) {
                double[] ua = a.series(DeepLinearTrace.mode(m));
                double[] ub = b.series(DeepLinearTrace.mode(m));
                for (int i = 0; i < t.length; i++) {
                    moved = Math.max(moved, Math.abs(ub[i] - ub[0]));
                    int k = i;
                    gap.offer(Math.abs(ua[i] - ub[i]), () -> "mode " + m + " at step " + Format.number(t[k]) + ": u = "
                            + Format.number(ua[k]) + " on " + rung + ", " + Format.number(ub[k]) + " on " + againstName);
                }
            }
            if (moved == 0) {
                return Measurement.decision(null, "the modes do not move on " + againstName + "; no gap can be relative to that", "", "");
            }
            double relative = Math.max(gap.score(), 0) / moved;
            String where = gap.description().isEmpty() ? "the rungs agree at every record" : gap.description();
            return Measurement.of(relative, "gap to " + againstName + " " + Format.number(relative) + " of the largest movement "
                    + Format.number(moved) + "; worst: " + where, relative, relative > 0 ? where : "");
        });
    }
}
