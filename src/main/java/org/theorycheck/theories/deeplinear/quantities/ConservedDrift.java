package org.theorycheck.theories.deeplinear.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Predictions 7 and 8: the gradient flow conserves W_l W_lᵀ − W_{l+1}ᵀ W_{l+1} for every hidden layer
 * [DERIVED], which on the decoupled manifold is a_l² − a_{l+1}² per mode (eq 8's a² − b², eq 14's
 * a_i² − a_j²). Per seed, the largest drift of the trace's {@code conserved_drift} (Frobenius) relative to
 * the largest ||W_tot||_F of the run; discrete rungs drift by λ² terms each step (eq 1).
 */
final class ConservedDrift extends DeepLinearQuantity {

    ConservedDrift() {
        super("conserved_drift", "max over records of ||Q_l(t) - Q_l(0)||_F relative to max ||W_tot||_F, Q_l = W_l W_l^T - W_{l+1}^T W_{l+1}",
                EVERY_RUNG);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        return perSeed(context, (seed, trace) -> Predictions.p8FlowDrift(trace));
    }
}
