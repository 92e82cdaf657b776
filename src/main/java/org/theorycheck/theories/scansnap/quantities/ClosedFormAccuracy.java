package org.theorycheck.theories.scansnap.quantities;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.ode.Integrators;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.AppendixF;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;

import java.util.List;
import java.util.Set;

/**
 * Appendix F's closed forms against the equations they solve, on the experiment's K, M, rates and C₀
 * (taken from the closed-form rung). With {@code form: integration}: Eqn. 13 is integrated numerically
 * (Dormand–Prince, tolerance 1e-12) with Γ and B as extra components, and the deviation is the largest
 * |z_closed − z_numeric| or |B_closed − B_numeric| at the record steps (Eqns. 122–129 with B(0) = 0).
 * With {@code form: regimes}: Theorem 4's two regime formulas (Eqn. 14) against Eqn. 129; deviation
 * the largest relative error of the scan form on (0, t0'] and of the snap form on [t0, span·t0]; two
 * replicates (scan, snap).
 */
final class ClosedFormAccuracy implements ScanSnapQuantity {

    private static final double TOLERANCE = Integrators.REFERENCE_TOLERANCE;
    private static final int SAMPLES = 200;

    @Override
    public String name() {
        return "closed_form_accuracy";
    }

    @Override
    public String description() {
        return "Appendix F: max |closed - integrated Eqn. 13| (form: integration) or Eqn. 14 regimes' relative error (form: regimes)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("closed");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("form", "integration", "integration", "regimes"), Parameter.number("span", 100, 1, 1e6));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        ExperimentConfig config = context.config();
        Trajectory closed = context.trace(context.rung(), context.config(), context.seeds().get(0), Trajectory.class);
        double c0 = closed.at(0).extras().get("C0");
        DecoderClosedForm decoder = new DecoderClosedForm(config.data().vocabulary(), config.data().classes(),
                ContinuousTime.etaY(config.train(), config.source()));
        AppendixF f = new AppendixF(decoder, ContinuousTime.etaZ(config.train(), config.source()), c0);
        if (context.text("form").equals("regimes")) {
            return regimes(f, context.number("span"));
        }
        double[] steps = closed.steps();
        double end = steps[steps.length - 1];
        WorstCase gap = WorstCase.above(0);
        DormandPrince853Integrator integrator = Integrators.dormandPrince(1e-12, end, TOLERANCE, TOLERANCE);
        double[] state = new double[3];
        double from = 0;
        for (double t : steps) {
            if (t > from) {
                state = integrator.integrate(f.equation13(), new ODEState(from, state), t).getPrimaryState();
                from = t;
            }
            double z = state[0];
            double b = state[1];
            gap.offer(Math.max(Math.abs(f.commonLogit(t) - z), Math.abs(f.b(t) - b)), () -> "t = " + Trajectory.stepLabel(t)
                    + ": closed z " + Format.number(f.commonLogit(t)) + ", B " + Format.number(f.b(t)) + "; integrated z "
                    + Format.number(z) + ", B " + Format.number(b));
        }
        double worst = gap.score();
        return Measurement.of(worst, "max |closed form - integrated Eqn. 13| " + Format.number(worst) + " over t in [0, "
                + Trajectory.stepLabel(end) + "] (C0 = " + Format.number(c0) + ")", worst, gap.description());
    }

    private static Measurement regimes(AppendixF f, double span) {
        double scanEnd = f.scanEnd();
        double snap = f.snapTime();
        double scanError = 0;
        double snapError = 0;
        for (int i = 1; i <= SAMPLES; i++) {
            double t = scanEnd * i / SAMPLES;
            scanError = Math.max(scanError, Math.abs(f.scanRegimeB(t) / f.b(t) - 1));
            double u = snap * Math.pow(span, (double) (i - 1) / (SAMPLES - 1));
            snapError = Math.max(snapError, Math.abs(f.snapRegimeB(u) / f.b(u) - 1));
        }
        return Measurement.overCases(Math.max(scanError, snapError), "Eqn. 14 vs Eqn. 129: scan form within "
                + Format.number(scanError) + " on (0, " + Format.number(scanEnd) + "], snap form within " + Format.number(snapError)
                + " on ["
                + Format.number(snap) + ", " + Format.number(span * snap) + "]", new double[] {scanError, snapError}, "");
    }
}
