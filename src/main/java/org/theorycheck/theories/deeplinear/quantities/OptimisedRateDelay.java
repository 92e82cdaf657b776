package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.measure.TraceReading;
import org.theorycheck.theories.deeplinear.network.Initialisation;

/**
 * Prediction 17 (App. B.1, eqs 43–45): at the optimised rate λ = 1/(c λ1), λ1 of eq 41 with τ = 1, a mode
 * takes a number of iterations from u0 = ε to u_f = s − ε that stays bounded as N_l grows, approaching eq 44's
 * t∞ (a finite delay eq 45 = cs/u0 − cs/u_f over N_l = 3). For each of {@code depths} the check rung runs the
 * experiment with {@code model.depth} and {@code train.rate} set so, and the iterations are read where mode 1
 * settles within s − u0 of s for good ({@link TraceReading#settling}). Deviation |t(N_max) − t∞| / t∞;
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
        if (!(experiment.run().init() instanceof Initialisation.Decoupled d) || d.imbalance() != 0) {
            throw experiment.error("model.init", name() + " starts every mode at u0 on the balanced manifold: model.init: decoupled");
        }
        if (experiment.gives("model.widths")) {
            throw experiment.error("model.widths", name() + " sets the depth itself: give model.depth and model.hidden, not model.widths");
        }
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        double s = Modes.of(e).s()[0];
        double u0 = ((Initialisation.Decoupled) e.run().init()).u0();
        double uf = s - u0;
        double c = context.number("c");
        int[] depths = toInts(context.numbers("depths"));
        long seed = context.seeds().get(0);
        double[] times = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            double rate = 1 / (c * ClosedForms.eq41(s, depths[i], 1));
            DeepLinearExperiment at = context.configWith("model.depth=" + depths[i], "train.rate=" + rate);
            times[i] = TraceReading.settling(context.trace(context.rung(), at, seed, DeepLinearTrace.class), 1, s, uf);
            if (Double.isNaN(times[i])) {
                return Measurement.decision(null, "N_l = " + depths[i] + " at rate " + Format.number(rate) + " does not reach u_f = "
                        + Format.number(uf) + " within train.steps = " + e.steps(), "", "");
            }
            if (Double.isInfinite(times[i])) {
                String text = "N_l = " + depths[i] + " at rate " + Format.number(rate) + " reaches u_f = " + Format.number(uf)
                        + " but does not stay within s − u0 of s";
                return Measurement.of(Double.POSITIVE_INFINITY, text, Double.POSITIVE_INFINITY, text);
            }
        }
        return Predictions.p17FiniteDelay(c, s, u0, uf, depths, n -> times[indexOf(depths, n)]);
    }

    static int[] toInts(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("no depth " + value);
    }
}
