package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.GdRung;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.network.Gradient;
import org.theorycheck.theories.deeplinear.network.Initialiser;
import org.theorycheck.theories.deeplinear.task.Task;

/**
 * Prediction 8 on gd [DERIVED]: one step of eq 1 changes Q = W21W21ᵀ − W32ᵀW32 by exactly
 * λ²(W32ᵀEEᵀW32 − W21EᵀEW21ᵀ), E = Σ31 − W32W21Σ11, for any Σ11 ({@code prediction: gd}); the flow's
 * prediction, no change ({@code prediction: flow}), misses each step by that term. Checked on the first
 * {@code steps} steps of gd from each seed's initial weights (N_l = 3). Deviation per seed: the largest
 * ||ΔQ − prediction|| / ||λ²(…)|| over the steps.
 */
final class GdInvariantStep extends DeepLinearQuantity {

    GdInvariantStep() {
        super("gd_invariant_step", "max over steps of ||dQ - prediction|| / ||lambda^2 (W32^T E E^T W32 - W21 E^T E W21^T)|| (prediction: gd | flow)",
                Set.of("gd"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("prediction", "gd", "gd", "flow"), Parameter.integer("steps", 10, 1, 10_000));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        if (experiment.run().network().depth() != 3) {
            throw experiment.error("model.depth", name() + " is the N_l = 3 step of eq 1; the network has "
                    + experiment.run().network().depth() + " layers");
        }
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearRun run = context.config().run();
        boolean asFlow = context.text("prediction").equals("flow");
        int steps = context.integer("steps");
        Task task = run.task().build();
        return perSeed(context, seed -> {
            List<Matrix> start = Initialiser.initialise(run.network(), task, run.init(), seed).weights();
            double[][] w = {start.get(0).data().clone(), start.get(1).data().clone()};
            Gradient gradient = new Gradient(run.network(), task.statistics());
            double[][] g = gradient.newWeightArrays();
            int n1 = run.network().width(0);
            int n2 = run.network().width(1);
            int n3 = run.network().width(2);
            Measurement worst = null;
            for (int step = 1; step <= steps; step++) {
                Matrix w21 = new Matrix(n2, n1, w[0].clone());
                Matrix w32 = new Matrix(n3, n2, w[1].clone());
                GdRung.steps(gradient, w, run.network().widths(), g, run.rate(), step - 1, step);
                Measurement m = ClosedForm.relabel(Predictions.p8GdStep(w21, w32, new Matrix(n2, n1, w[0].clone()),
                        new Matrix(n3, n2, w[1].clone()), task.statistics(), run.rate(), asFlow), "step " + step + ": ");
                if (worst == null || m.deviations()[0] > worst.deviations()[0]) {
                    worst = m;
                }
            }
            return worst;
        });
    }
}
