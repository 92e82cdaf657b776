package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 16 (App. B): the top eigenvalue of eq 14's Hessian at a_opt = s^{1/(N_l−1)}, by finite
 * differences, against eq 41's λ1 = (N_l−1) s^{(2N_l−4)/(N_l−1)}/τ ({@code formula: eq41}) or against the
 * large-depth order eq 42 rests on, N_l s²/τ ({@code formula: eq42}); s = s_1 of the experiment, τ = 1/λ,
 * at each of {@code depths} (a case each). Deviation |ln(λ_FD / formula)|.
 */
final class HessianEigenvalue extends DeepLinearQuantity {

    HessianEigenvalue() {
        super("hessian_eigenvalue", "|ln(top eigenvalue of the finite-difference Hessian at a_opt / formula)|, worst depth (formula: eq41 | eq42)",
                Set.of("closed"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("formula", "eq41", "eq41", "eq42"), Parameter.integers("depths", 2, 200, 3, 5, 10));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        double s = Modes.of(e).s()[0];
        boolean exact = context.text("formula").equals("eq41");
        Predictions.TopEigenvalue formula = exact ? ClosedForms::eq41 : (sv, n, tau) -> n * sv * sv / tau;
        List<Measurement> cases = new ArrayList<>();
        for (double depth : context.numbers("depths")) {
            cases.add(Predictions.p16Eq41(s, (int) depth, e.run().tau(), formula));
        }
        return overCases(cases);
    }
}
