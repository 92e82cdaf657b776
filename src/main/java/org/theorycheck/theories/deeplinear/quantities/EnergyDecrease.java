package org.theorycheck.theories.deeplinear.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 12, first half: eq 5 is gradient descent on the energy eq 6 (the loss up to a constant and
 * 1/2τ, for Σ11 = I), so the loss never rises along a gradient flow. Per seed, the largest rise of the loss
 * between records over the initial loss.
 */
final class EnergyDecrease extends DeepLinearQuantity {

    EnergyDecrease() {
        super("energy_decrease", "largest increase of the loss between records, relative to the initial loss", EVERY_RUNG);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        return perSeed(context, (seed, trace) -> Predictions.p12EnergyDecreases(trace));
    }
}
