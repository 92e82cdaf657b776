package org.theorycheck.theories.deeplinear.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Predictions 3 and 13: each learnable recorded mode reaches s_α/2 when the theory says, t_half =
 * (τ/2s) ln(s/u0 − 1) for N_l = 3 (eq 11 at u_f = s/2), the integral of eq 15 for deeper networks, from the
 * start's u0 (decoupled, or model.theory_u0 for a random start, Fig 3). Deviation per seed: the largest relative
 * delay |t_half,run − t_half,theory| / t_half,theory over the modes, the crossing interpolated linearly
 * between records. Undecided if a mode does not reach s/2 within the run.
 */
final class HalfTime extends DeepLinearQuantity {

    HalfTime() {
        super("half_time", "max over modes of |t_half(run) - t_half(theory)| / t_half(theory), t_half the first time u reaches s/2",
                EVERY_RUNG);
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        Modes.require(experiment, name(), 1);
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        Modes modes = Modes.of(e);
        double[] predicted = modes.predictedHalfTimes(e.run());
        return perSeed(context, (seed, trace) -> Predictions.p13HalfTimeDelay(trace, modes.alpha(), modes.s(), predicted));
    }
}
