package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;

import java.util.List;
import java.util.Set;

/**
 * Lemma 7: the discrete decoder recursion h*(s) of Lemma 5 stays above Lemma 6's continuous h(s) by at
 * most 2η_Y/M, and the gap vanishes: 0 ≤ h*(s) − h(s) ≤ 2η_Y/M. For every (M, η_Y) of the grid
 * {@code vocabulary} × {@code eta_y}, over s = 0..{@code steps}: deviation = (largest excursion outside
 * [0, 2η_Y/M]) / (2η_Y/M). The final gap, relative to the largest, is reported (it should be small).
 */
final class DiscreteContinuousGap implements ScanSnapQuantity {

    @Override
    public String name() {
        return "discrete_continuous_gap";
    }

    @Override
    public String description() {
        return "per (M, eta_Y), the excursion of h*(s) - h(s) outside [0, 2 eta_Y/M], in units of 2 eta_Y/M (Lemma 7)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("closed");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integers("vocabulary", 2, 1_000_000, 50, 1000), Parameter.numbers("eta_y", Parameter.POSITIVE, 1e3, 0.5, 1, 2),
                Parameter.integer("steps", 500, 1, 10_000_000));
    }

    @Override
    public boolean needsExperiment() {
        return false;
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double[] vocabularies = context.numbers("vocabulary");
        double[] etas = context.numbers("eta_y");
        int steps = context.integer("steps");
        double[] dev = new double[vocabularies.length * etas.length];
        double finalShare = 0;
        WorstCase worst = WorstCase.lastOfTies();
        int i = 0;
        for (double m : vocabularies) {
            for (double eta : etas) {
                DecoderClosedForm decoder = new DecoderClosedForm((int) m, 1, eta);
                double[] discrete = decoder.discreteH(steps);
                double bound = 2 * eta / m;
                double maxGap = 0;
                double excursion = 0;
                for (int s = 0; s <= steps; s++) {
                    double gap = discrete[s] - decoder.h(s);
                    maxGap = Math.max(maxGap, gap);
                    excursion = Math.max(excursion, Math.max(-gap, gap - bound));
                }
                dev[i] = Math.max(0, excursion) / bound;
                double last = discrete[steps] - decoder.h(steps);
                finalShare = Math.max(finalShare, last / bound);
                double largest = maxGap;
                worst.offer(largest / bound, () -> "M " + (int) m + ", eta_Y " + Format.number(eta) + ": max gap "
                        + Format.number(largest) + " vs bound " + Format.number(bound) + ", gap at s=" + steps + ": " + Format.number(last));
                i++;
            }
        }
        double worstShare = worst.score();
        return Measurement.overCases(worstShare, "max gap " + Format.number(worstShare) + " of 2eta/M; at s=" + steps + " at most "
                + Format.number(finalShare) + " of it (" + dev.length + " settings)", dev, worst.description());
    }
}
