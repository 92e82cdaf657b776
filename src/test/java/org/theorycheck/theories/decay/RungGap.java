package org.theorycheck.theories.decay;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How far the check's rung is from another rung of the ladder: the largest |w(t) − w'(t)| over the run,
 * relative to the distance |w(0) − w*| that w travels. One replicate per seed; the counter-example is the
 * step of the largest gap.
 */
final class RungGap implements Quantity<DecayExperiment, DecayTrace> {

    @Override
    public String name() {
        return "rung_gap";
    }

    @Override
    public String description() {
        return "max |w(rung) - w(against)| / |w(0) - w*| over the run (0: the rungs agree)";
    }

    @Override
    public Set<String> rungs() {
        return Set.copyOf(DecayTheory.RUNGS);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.rung("against", "closed", DecayTheory.RUNGS));
    }

    @Override
    public Measurement measure(CheckContext<DecayExperiment, DecayTrace> context) {
        DecayExperiment e = context.config();
        String against = context.text("against");
        double distance = Math.abs(e.start() - e.target());
        WorstCase worst = new WorstCase();
        double[] deviations = PerSeed.measure(context, DecayTrace.class, (seed, trace) -> {
            double[] w = trace.weight();
            double[] other = context.trace(context.rung(against), e, seed).weight();
            double largest = 0;
            for (int k = 0; k < w.length; k++) {
                double gap = Math.abs(w[k] - other[k]) / distance;
                largest = Math.max(largest, gap);
                int step = k;
                worst.offer(gap, () -> "seed " + seed + ", step " + step + ": w = " + Format.number(w[step]) + " on "
                        + context.spec().rung() + ", " + Format.number(other[step]) + " on " + against);
            }
            return largest;
        });
        double largest = Stats.max(deviations);
        return new Measurement(largest, String.format(Locale.ROOT, "largest gap to %s %.3g of the distance travelled (%d seed%s)",
                against, largest, deviations.length, deviations.length == 1 ? "" : "s"), deviations, worst.description());
    }
}
