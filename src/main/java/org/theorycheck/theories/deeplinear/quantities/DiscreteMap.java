package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.network.Initialisation;

/**
 * Prediction 10 [DERIVED]: on the balanced decoupled manifold, full-batch eq 1 is exactly the map
 * u_{k+1} = u_k (1 + λ(s − u_k))² per mode (N_l = 3). Per seed, the worst learnable recorded mode's largest
 * |u_run − u_map| / s over the records; the text compares the step at which the map reaches s/2 with eq 12's
 * t_half.
 */
final class DiscreteMap extends DeepLinearQuantity {

    DiscreteMap() {
        super("discrete_map", "max over modes and records of |u - u_map| / s, u_map iterating u(1 + lambda(s - u))^2",
                Set.of("sgd", "gd", "flow"));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        if (!(experiment.run().init() instanceof Initialisation.Decoupled d) || d.imbalance() != 0) {
            throw experiment.error("model.init", name() + " iterates the map from a balanced decoupled start (model.init: decoupled,"
                    + " model.imbalance: 0)");
        }
        if (experiment.run().network().depth() != 3) {
            throw experiment.error("model.depth", name() + " is the map of N_l = 3 (u = ab); the network has "
                    + experiment.run().network().depth() + " layers");
        }
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        Modes modes = Modes.of(e);
        return perSeed(context, (seed, trace) -> {
            List<Measurement> each = new ArrayList<>();
            for (int i = 0; i < modes.size(); i++) {
                each.add(Predictions.p10DiscreteMap(trace, modes.alpha()[i], modes.s()[i], e.run().rate(), modes.u0()[i]));
            }
            return overCases(each);
        });
    }
}
