package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 18 (Sec 2): at a fixed τ, the time eq 15 takes from u0 to u_f = s − u0 falls like 1/N_l for large
 * N_l, a result of continuous time. For each of {@code depths} the check rung runs the experiment with
 * {@code model.depth} set (the rate fixed), and the time is read where mode 1 settles within s − u0 of s for
 * good ({@code TraceReading.settling}). Deviation (as {@link Predictions#p18ContinuousTimeDepth}): the relative
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
        SettlingScan.require(experiment, name());
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        double s = Modes.of(e).s()[0];
        double u0 = SettlingScan.u0(e);
        int[] depths = SettlingScan.toInts(context.numbers("depths"));
        SettlingScan scan = SettlingScan.of(context, depths, n -> new String[0], s);
        return scan.ended() != null ? scan.ended() : Predictions.p18ContinuousTimeDepth(u0, s - u0, depths, n -> scan.at(depths, n));
    }
}
