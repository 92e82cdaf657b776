package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.closedform.ScalarModes;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Initialiser;

/**
 * A formula the paper prints, evaluated as printed, against the equation it claims to solve or follow
 * from, numerically, at the experiment's s_α, τ = 1/λ, u0 and N_l (each learnable recorded mode a case):
 * <ul>
 *   <li>{@code eq12-solves-eq10} (prediction 1): eq 12 as printed against τu′ = 2u(s − u) and u(0) = u0, over
 *       t up to the run's end (or 300 τ/s, where e^{2st/τ} is still finite);</li>
 *   <li>{@code eq11-inverts-eq12} (prediction 2): t(u(t)) = t, up to the time eq 12 reaches s(1 − 1e-6) (past it
 *       s − u_f keeps fewer than ten digits);</li>
 *   <li>{@code eq15-from-eq14} (prediction 14): eq 15 is the chain rule of eq 14's flow on a_i = a, N_l = 2…7,
 *       and eq 10 at N_l = 3;</li>
 *   <li>{@code eq14-conserves} (prediction 7): eq 14's flow, integrated from the strengths {@code strengths},
 *       keeps every a_i² − a_j² for the run's time in units of τ;</li>
 *   <li>{@code eq17-integrates-eq16} (prediction 15): d(eq 17)/du_f = τ/(N_l u_f²(s − u_f));</li>
 *   <li>{@code eq26-solves-eq8} (prediction 26, as printed): eq 26's time from eq 23's θ0 to the printed end
 *       sinh θ_f = (1 − ε)s/c0, against eq 8 integrated from the same (a, b) until ab = (1 − ε)s;</li>
 *   <li>{@code appA-derived} (prediction 26, corrected [DERIVED]): the time from the corrected App. A
 *       (c = c0/2, τ → τ/2) against the same integration.</li>
 * </ul>
 * Deviations are relative errors, as {@link Predictions} defines each.
 */
final class ClosedForm extends DeepLinearQuantity {

    static final List<String> FORMS = List.of("eq12-solves-eq10", "eq11-inverts-eq12", "eq15-from-eq14", "eq14-conserves",
            "eq17-integrates-eq16", "eq26-solves-eq8", "appA-derived");

    ClosedForm() {
        super("closed_form", "a printed formula against the equation it claims to solve, relative error (form: " + String.join(" | ", FORMS)
                + ")", Set.of("closed"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("form", FORMS.get(0), FORMS.toArray(String[]::new)),
                Parameter.positive("epsilon", 0.01, 0.5),
                Parameter.numbers("strengths", Parameter.POSITIVE, 1e3, 0.3, 0.5, 0.7, 0.4));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        Modes.require(experiment, name(), 1);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        DeepLinearRun run = e.run();
        String form = context.text("form");
        Modes modes = Modes.of(e);
        double tau = run.tau();
        int depth = run.network().depth();
        if (form.equals("eq15-from-eq14")) {
            return Predictions.p14Eq15(modes.s()[0], ScalarModes::eq15);
        }
        if (form.equals("eq14-conserves")) {
            return Predictions.p7Eq14Invariants(context.numbers("strengths"), modes.s()[0], run.steps() / tau);
        }
        if ((form.equals("eq26-solves-eq8") || form.equals("appA-derived")) && !imbalanced(run)) {
            throw e.error("model.imbalance", "form " + form + " is App. A's a ≠ b: give a decoupled start with model.imbalance ≠ 0"
                    + " at N_l = 3");
        }
        List<Measurement> cases = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            double s = modes.s()[i];
            double u0 = modes.u0()[i];
            String mode = "mode " + modes.alpha()[i] + ": ";
            Measurement m = switch (form) {
                case "eq12-solves-eq10" -> Predictions.p1Eq12SolvesEq10(t -> ClosedForms.eq12AsPrinted(s, tau, u0, t), s, tau, u0,
                        Math.min(run.steps(), 300 * tau / s));
                case "eq11-inverts-eq12" -> Predictions.p2Eq11InvertsEq12(uf -> ClosedForms.eq11(s, tau, u0, uf),
                        t -> ClosedForms.eq12AsPrinted(s, tau, u0, t), ClosedForms.eq11(s, tau, u0, s * (1 - 1e-6)));
                case "eq17-integrates-eq16" -> Predictions.p15Eq17(s, tau, depth, u0, ClosedForms::eq17);
                default -> {
                    double[] ab = Initialiser.decoupledStrengths(run.network(), (Initialisation.Decoupled) run.init());
                    yield form.equals("appA-derived") ? Predictions.p26Derived(ab[0], ab[1], s, tau, context.number("epsilon"))
                            : Predictions.p26AsPrinted(ab[0], ab[1], s, tau, context.number("epsilon"));
                }
            };
            cases.add(relabel(m, mode));
        }
        return overCases(cases);
    }

    private static boolean imbalanced(DeepLinearRun run) {
        return run.init() instanceof Initialisation.Decoupled d && d.imbalance() != 0 && run.network().depth() == 3;
    }

    /** The same case, its text and counter-example starting with which mode it is. */
    static Measurement relabel(Measurement m, String prefix) {
        if (m.replicates() == Measurement.Replicates.UNDECIDED) {
            return Measurement.decision(null, prefix + m.text(), "", m.evidence());
        }
        return Measurement.of(m.value(), prefix + m.text(), m.deviations()[0], m.counterexample().isEmpty() ? "" : prefix + m.counterexample());
    }
}
