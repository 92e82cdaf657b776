package org.theorycheck.theories.deeplinear.quantities;

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
 * Prediction 17 (App. B.1, eqs 43–45): at the optimised rate λ = 1/(c λ1), λ1 of eq 41 with τ = 1, a mode
 * takes a number of iterations from u0 = ε to u_f = s − ε that stays bounded as N_l grows, approaching eq 44's
 * t∞ (a finite delay eq 45 = cs/u0 − cs/u_f over N_l = 3). For each of {@code depths} the check rung runs the
 * experiment with {@code model.depth} and {@code train.rate} set so, and the iterations are read where mode 1
 * settles within s − u0 of s for good ({@code TraceReading.settling}). Deviation |t(N_max) − t∞| / t∞;
 * undecided if a depth does not reach u_f within {@code train.steps}, +∞ if one reaches it without staying (a
 * rate past its stability limit).
 */
final class OptimisedRateDelay extends DeepLinearQuantity {

    OptimisedRateDelay() {
        super("optimised_rate_delay", "|t(N_max) - t_inf| / t_inf, t(N) the iterations to s - u0 at rate 1/(c lambda1(N)), t_inf eq 44",
                Set.of("gd", "decoupled"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("c", 1, 1e6), Parameter.integers("depths", 3, 10_000, 3, 5, 10, 30, 100));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        SettlingScan.require(experiment, name());
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        double s = Modes.of(e).s()[0];
        double u0 = SettlingScan.u0(e);
        double c = context.number("c");
        int[] depths = SettlingScan.toInts(context.numbers("depths"));
        SettlingScan scan = SettlingScan.of(context, depths, n -> new String[] {"train.rate=" + 1 / (c * ClosedForms.eq41(s, n, 1))}, s);
        return scan.ended() != null ? scan.ended() : Predictions.p17FiniteDelay(c, s, u0, s - u0, depths, n -> scan.at(depths, n));
    }
}
