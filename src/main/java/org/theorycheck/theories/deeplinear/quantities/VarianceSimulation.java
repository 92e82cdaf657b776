package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.nonlinear.NonlinearPredictions;
import org.theorycheck.theories.deeplinear.nonlinear.OrthogonalTanhNetwork;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceSettings;

/**
 * Prediction 24, against the network (App. G, Fig 8 right): the population variance q (eq 21) of a random
 * orthogonal tanh network ({@code network.*}: width, depth, gains, q^1), averaged over the last layers,
 * against eq 48 iterated from the same q^1 to the same depth ({@link NonlinearPredictions#simulationAgreement}).
 * Deviation per seed: max over gains of |q_sim − q_map| over the largest q_map. {@code steepness} k compares
 * with the map of tanh(k x) instead (k = 1 is the network's own φ).
 */
final class VarianceSimulation extends DeepLinearQuantity {

    VarianceSimulation() {
        super("variance_simulation", "max over gains |q(network) - q(eq 48)| / max q(eq 48), q averaged over the last layers",
                Set.of("sgd"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("steepness", 1, 0.55, 1.9));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        VarianceSettings settings = context.config().variance();
        return perSeed(context, seed -> {
            double[][] simulated = new OrthogonalTanhNetwork(settings.width(), settings.layers(), seed).variances(settings.gains(),
                    settings.inputVariance());
            return of(NonlinearPredictions.simulationAgreement(settings, simulated, CriticalGain.map(context.number("steepness"))));
        });
    }
}
