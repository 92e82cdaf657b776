package org.theorycheck.theories.deeplinear.quantities;

import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 9: the decoupled manifold is invariant (Sec 1.3, Sec 2): from a decoupled start every W_l stays
 * diagonal in its frames, R_{l+1}ᵀ W_l R_l. Per seed, the largest off-diagonal mass ({@code offdiag_layers},
 * or {@code offdiag} of W_tot without frames) relative to ||W_tot||. The rungs below modes assume the
 * manifold, so it is measured on the rungs that move the weights.
 */
final class ManifoldInvariance extends DeepLinearQuantity {

    ManifoldInvariance() {
        super("manifold_invariance", "max over records of the off-diagonal mass of the layers in their frames relative to ||W_tot||",
                Set.of("sgd", "gd", "flow", "modes"));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        return perSeed(context, (seed, trace) -> Predictions.p9Manifold(trace));
    }
}
