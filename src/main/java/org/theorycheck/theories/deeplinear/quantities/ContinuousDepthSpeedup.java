package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.measure.TraceReading;
import org.theorycheck.theories.deeplinear.network.Initialisation;

/**
 * Prediction 18 (Sec 2): at a fixed τ, the time eq 15 takes from u0 to u_f = s − u0 falls like 1/N_l for large
 * N_l, a result of continuous time. For each of {@code depths} the check rung runs the experiment with
 * {@code model.depth} set (the rate fixed), and the time is read where mode 1 settles within s − u0 of s for
 * good ({@link TraceReading#settling}). Deviation (as {@link Predictions#p18ContinuousTimeDepth}): the relative
 * change of N_l·t between the two largest depths plus the number of depths where t did not fall; +∞ if a depth
 * diverges or reaches u_f without staying there (gd at a rate past its stability limit), undecided if a depth
 * does not reach u_f within {@code train.steps}.
 */
final class ContinuousDepthSpeedup extends DeepLinearQuantity {

    ContinuousDepthSpeedup() {
        super("continuous_depth_speedup", "relative change of N_l t(N_l) between the two largest depths + depths where t did not fall",
                Set.of("gd", "decoupled", "flow"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integers("depths", 3, 10_000, 10, 30, 100, 300, 1000));
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
        int[] depths = OptimisedRateDelay.toInts(context.numbers("depths"));
        long seed = context.seeds().get(0);
        double[] times = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            DeepLinearExperiment at = context.configWith("model.depth=" + depths[i]);
            try {
                times[i] = TraceReading.settling(context.trace(context.rung(), at, seed, DeepLinearTrace.class), 1, s, uf);
            } catch (DivergenceException diverged) {
                String text = "N_l = " + depths[i] + " diverges at λ = " + Format.number(e.run().rate()) + ": " + diverged.getMessage();
                return Measurement.of(Double.POSITIVE_INFINITY, text, Double.POSITIVE_INFINITY, text);
            }
            if (Double.isNaN(times[i])) {
                return Measurement.decision(null, "N_l = " + depths[i] + " does not reach u_f = " + Format.number(uf)
                        + " within train.steps = " + e.steps(), "", "");
            }
            if (Double.isInfinite(times[i])) {
                String text = "N_l = " + depths[i] + " at λ = " + Format.number(e.run().rate()) + " reaches u_f = " + Format.number(uf)
                        + " but does not stay within s − u0 of s";
                return Measurement.of(Double.POSITIVE_INFINITY, text, Double.POSITIVE_INFINITY, text);
            }
        }
        return Predictions.p18ContinuousTimeDepth(u0, uf, depths, n -> {
            for (int i = 0; i < depths.length; i++) {
                if (depths[i] == n) {
                    return times[i];
                }
            }
            throw new IllegalArgumentException("no depth " + n);
        });
    }
}
