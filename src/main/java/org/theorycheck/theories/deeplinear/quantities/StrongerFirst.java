package org.theorycheck.theories.deeplinear.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.measure.TraceReading;

/**
 * Prediction 5: stronger modes are learned first. Per seed, the fraction of pairs of learnable recorded
 * modes with s_α &gt; s_β whose half times are in the wrong order (0 = every pair in order, 1 = every pair
 * reversed). Undecided if a mode does not reach s/2.
 */
final class StrongerFirst extends DeepLinearQuantity {

    StrongerFirst() {
        super("stronger_first", "fraction of mode pairs with s_a > s_b whose half times are out of order", EVERY_RUNG);
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        Modes.require(experiment, name(), 2);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        Modes modes = Modes.of(context.config());
        return perSeed(context, (seed, trace) -> {
            double[] tHalf = new double[modes.size()];
            for (int i = 0; i < tHalf.length; i++) {
                tHalf[i] = TraceReading.crossing(trace, modes.alpha()[i], modes.s()[i] / 2);
            }
            return Predictions.p5StrongerFirst(modes.s(), tHalf);
        });
    }
}
