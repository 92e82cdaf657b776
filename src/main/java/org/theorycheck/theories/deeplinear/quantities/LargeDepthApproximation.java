package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;

/**
 * Prediction 15, second part: eq 17 (the integral of the large-depth form eq 16) against the exact time of
 * eq 15 at the experiment's depth, from u0 to u_f = (1 − ε)s for each learnable recorded mode, by
 * quadrature. Deviation |ln(t_eq17 / t_eq15)|, a factor on a log scale (rule 4: eq 16 is an approximation,
 * its quality a factor).
 */
final class LargeDepthApproximation extends DeepLinearQuantity {

    LargeDepthApproximation() {
        super("large_depth_approximation", "|ln(t(eq 17) / t(eq 15))| from u0 to (1 - epsilon) s at the experiment's depth, worst mode",
                Set.of("closed"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("epsilon", 0.01, 0.5));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        Modes.require(experiment, name(), 1);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearRun run = context.config().run();
        Modes modes = Modes.of(context.config());
        int depth = run.network().depth();
        List<Measurement> cases = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            double s = modes.s()[i];
            double u0 = modes.u0()[i];
            double uf = (1 - context.number("epsilon")) * s;
            double t17 = ClosedForms.eq17(s, run.tau(), depth, u0, uf);
            double t15 = ClosedForms.eq15Time(s, run.tau(), depth, u0, uf);
            double dev = Math.abs(Math.log(t17 / t15));
            String text = String.format(Locale.ROOT, "mode %d, N_l = %d: from u0 = %.4g to u_f = %.4g eq 17 takes %.6g steps and"
                    + " eq 15 %.6g (ratio %.4f)", modes.alpha()[i], depth, u0, uf, t17, t15, t17 / t15);
            cases.add(Measurement.of(dev, text, dev, dev > 0 ? text : ""));
        }
        return overCases(cases);
    }
}
