package org.theorycheck.theories.decay;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.Quantity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How far the check's rung is from another rung of the ladder: the largest |w(t) − w'(t)| over the run,
 * relative to the distance |w(0) − w*| that w travels. One replicate per seed.
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
        List<Long> seeds = context.seeds();
        DecayExperiment e = context.config();
        double[] deviations = new double[seeds.size()];
        for (int s = 0; s < seeds.size(); s++) {
            double[] w = context.trace(seeds.get(s)).weight();
            double[] other = context.trace(context.rung(context.text("against")), e, seeds.get(s)).weight();
            for (int k = 0; k < w.length; k++) {
                deviations[s] = Math.max(deviations[s], Math.abs(w[k] - other[k]) / Math.abs(e.start() - e.target()));
            }
        }
        double worst = java.util.Arrays.stream(deviations).max().orElseThrow();
        return new Measurement(worst, String.format(Locale.ROOT, "largest gap to %s %.3g of the distance travelled (%d seed%s)",
                context.text("against"), worst, seeds.size(), seeds.size() == 1 ? "" : "s"), deviations, "");
    }
}
