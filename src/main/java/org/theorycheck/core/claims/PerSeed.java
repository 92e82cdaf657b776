package org.theorycheck.core.claims;

import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;

import java.util.List;

/**
 * The loop with which most quantities measure: one number for each seed of a check, from the check
 * rung's trace of that seed. Its numbers are the replicates of a {@link Measurement} over seeds; what a
 * quantity keeps beside them (a {@link WorstCase}, a headline per seed) it collects in the measure,
 * which is called once per seed, in the order of {@link CheckContext#seeds()}.
 */
public final class PerSeed {

    private PerSeed() {}

    /** What a quantity makes of one seed's trace: usually its deviation from the prediction. */
    @FunctionalInterface
    public interface Measure<R> {
        double of(long seed, R trace);
    }

    /**
     * The measure of each seed's trace, in seed order.
     *
     * @param type the theory's trace class the quantity reads (the check rung must give it)
     */
    public static <E extends Experiment, T extends Trace, R extends T> double[] measure(CheckContext<E, T> context,
                                                                                       Class<R> type, Measure<R> measure) {
        List<Long> seeds = context.seeds();
        List<R> traces = context.traces(type);
        double[] out = new double[seeds.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = measure.of(seeds.get(s), traces.get(s));
        }
        return out;
    }
}
