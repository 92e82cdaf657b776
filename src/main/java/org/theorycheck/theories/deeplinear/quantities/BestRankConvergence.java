package org.theorycheck.theories.deeplinear.quantities;

import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 11 (eq 7): learning converges to the best rank-N2 approximation Σ_{α≤N2} s_α u_α v_αᵀ of Σ31
 * (no non-global local minima). Per seed, the distance to it at the end of the run over the distance at the
 * start; undecided if the run starts there.
 */
final class BestRankConvergence extends DeepLinearQuantity {

    BestRankConvergence() {
        super("best_rank_convergence", "||W_tot - best rank-N2 approximation||_F at the end over at the start",
                Set.of("sgd", "gd", "flow", "modes"));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        return perSeed(context, (seed, trace) -> Predictions.p11BestRank(trace));
    }
}
