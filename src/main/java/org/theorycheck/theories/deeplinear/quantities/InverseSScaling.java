package org.theorycheck.theories.deeplinear.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.measure.TraceReading;

/**
 * Prediction 4 (Sec 1.3's key result): the time to learn a mode is inversely proportional to s_α. Per seed,
 * the half times of the learnable recorded modes with eq 11's log factor divided out, and the deviation
 * |slope + 1| of their log–log slope against s (−1 for t ∝ 1/s). Needs two modes of distinct s; undecided
 * if a mode does not reach s/2.
 */
final class InverseSScaling extends DeepLinearQuantity {

    InverseSScaling() {
        super("inverse_s_scaling", "|slope + 1| of log(2 t_half / (tau ln(s/u0 - 1))) against log s over the modes", EVERY_RUNG);
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        Modes.require(experiment, name(), 2);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        Modes modes = Modes.of(e);
        return perSeed(context, (seed, trace) -> {
            double[] tHalf = new double[modes.size()];
            for (int i = 0; i < tHalf.length; i++) {
                tHalf[i] = TraceReading.crossing(trace, modes.alpha()[i], modes.s()[i] / 2);
            }
            return Predictions.p4Slope(modes.s(), tHalf, e.run().tau(), modes.u0());
        });
    }
}
