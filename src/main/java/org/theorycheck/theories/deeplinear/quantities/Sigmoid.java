package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 6: each mode is learned along a sigmoid (eq 12 for 0 &lt; u0 &lt; s; eq 9: ab approaches s
 * monotonically). Per seed, the worst learnable recorded mode of {@link Predictions#p6Sigmoid}: the share of
 * record intervals against the trend, plus the sign changes of s − u, plus how far (relative to s) from s/2
 * the steepest interval lies.
 */
final class Sigmoid extends DeepLinearQuantity {

    Sigmoid() {
        super("sigmoid", "per mode: share of records against the trend + sign changes of s - u + |u(steepest) - s/2|/s; worst mode",
                EVERY_RUNG);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        Modes modes = Modes.of(context.config());
        return perSeed(context, (seed, trace) -> {
            List<Measurement> each = new ArrayList<>();
            for (int i = 0; i < modes.size(); i++) {
                each.add(Predictions.p6Sigmoid(trace, modes.alpha()[i], modes.s()[i]));
            }
            return overCases(each);
        });
    }
}
