package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;

/**
 * What the deep-linear quantities share: a name, a description and the rungs where they mean something, and
 * the loop over seeds most of them measure with.
 */
abstract class DeepLinearQuantity implements Quantity<DeepLinearExperiment, DeepLinearTrace> {

    /** Every rung of the ladder. */
    static final Set<String> EVERY_RUNG = Set.copyOf(Ladder.NAMES);

    private final String name;
    private final String description;
    private final Set<String> rungs;

    DeepLinearQuantity(String name, String description, Set<String> rungs) {
        this.name = name;
        this.description = description;
        this.rungs = rungs;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<String> rungs() {
        return rungs;
    }

    /** What a quantity measures of one seed without a trace (the seed's initial weights, its random matrices). */
    @FunctionalInterface
    interface OnSeed {
        Measurement of(long seed);
    }

    /** One case measured on one seed's trace. */
    @FunctionalInterface
    interface OnTrace {
        Measurement of(long seed, DeepLinearTrace trace);
    }

    /**
     * The check rung's trace of every seed of the check, each measured (as one case, or as the worst of its
     * cases): the replicates are the seeds' deviations, the headline and the counter-example the worst seed's;
     * a seed whose run cannot tell leaves the whole check undecided (INCONCLUSIVE).
     */
    static Measurement perSeed(CheckContext<DeepLinearExperiment, DeepLinearTrace> context, OnTrace measure) {
        List<Measurement> each = new ArrayList<>();
        PerSeed.measure(context, DeepLinearTrace.class, (seed, trace) -> {
            Measurement m = measure.of(seed, trace);
            each.add(m);
            return Stats.max(m.deviations());
        });
        return combine(context.seeds(), each);
    }

    /** As {@link #perSeed(CheckContext, OnTrace)}, for what is measured of each seed of the check without its trace. */
    static Measurement perSeed(CheckContext<DeepLinearExperiment, DeepLinearTrace> context, OnSeed measure) {
        List<Measurement> each = new ArrayList<>();
        for (long seed : context.seeds()) {
            each.add(measure.of(seed));
        }
        return combine(context.seeds(), each);
    }

    private static Measurement combine(List<Long> seeds, List<Measurement> each) {
        double[] deviations = new double[each.size()];
        WorstCase worst = WorstCase.above(0);
        for (int i = 0; i < each.size(); i++) {
            Measurement m = each.get(i);
            String seed = "seed " + seeds.get(i) + ": ";
            if (m.replicates() == Measurement.Replicates.UNDECIDED) {
                return Measurement.decision(null, seed + m.text(), "", "");
            }
            deviations[i] = Stats.max(m.deviations());
            worst.offer(deviations[i], () -> seed + m.text());
        }
        String headline = worst.description().isEmpty() ? "seed " + seeds.get(0) + ": " + each.get(0).text() : worst.description();
        return new Measurement(Stats.max(deviations), headline + Format.seeds(seeds.size()), deviations, worst.description());
    }

    /** One case of a measurement made by the figures' packages (spectra, MNIST, the tanh network). */
    static Measurement of(org.theorycheck.theories.deeplinear.spectra.Measurement m) {
        return Measurement.of(m.deviation(), m.text(), m.deviation(), m.deviation() > 0 ? m.text() : "");
    }

    /**
     * The worst of deterministic cases (modes, depths, settings), each measured as one case; a case that
     * cannot tell leaves the whole check undecided.
     */
    static Measurement overCases(List<Measurement> cases) {
        double[] deviations = new double[cases.size()];
        WorstCase worst = WorstCase.above(0);
        for (int i = 0; i < deviations.length; i++) {
            Measurement m = cases.get(i);
            if (m.replicates() == Measurement.Replicates.UNDECIDED) {
                return m;
            }
            deviations[i] = m.deviations()[0];
            worst.offer(deviations[i], m::text);
        }
        String headline = worst.description().isEmpty() ? cases.get(0).text() : worst.description();
        String count = cases.size() == 1 ? "" : " (worst of " + cases.size() + " cases)";
        return Measurement.overCases(Stats.max(deviations), headline + count, deviations, worst.description());
    }
}
