package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.nonlinear.NonlinearPredictions;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceMap;

/**
 * Prediction 24, theory side (App. G, eqs 48, 49): for φ = tanh the fixed point q∞(g) of the variance map is
 * 0 below g_c = 1 and positive above it (the edge of chaos). Deviation |g_c − 1|, g_c found by bisection on
 * the Gauss–Hermite map ({@link NonlinearPredictions#criticalGain}). {@code steepness} k maps φ(x) = tanh(k x)
 * instead (k = 1 is the paper's tanh; its g_c is 1/k, so another k is an input the claim does not hold for).
 */
final class CriticalGain extends DeepLinearQuantity {

    CriticalGain() {
        super("critical_gain", "|g_c - 1|, g_c where q_inf(g) of eq 49 turns positive, for phi = tanh(k x) (steepness k)",
                Set.of("closed"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("steepness", 1, 0.55, 1.9));
    }

    @Override
    public boolean needsExperiment() {
        return false;
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        return of(NonlinearPredictions.criticalGain(map(context.number("steepness"))));
    }

    /** The variance map of φ(x) = tanh(k x); the paper's tanh for k = 1. */
    static VarianceMap map(double steepness) {
        return steepness == 1 ? VarianceMap.tanh() : new VarianceMap(x -> Math.tanh(steepness * x), VarianceMap.DEFAULT_NODES);
    }
}
