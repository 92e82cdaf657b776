package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;

import java.util.List;
import java.util.Set;

/**
 * Lemma 9's two stages of the speed control γ(t) (Eqn. 9), on the experiment's K, M, η_Y (continuous
 * time). Early, γ grows linearly: the ratio γ(t) / ((M−1)² η_Y t/(K M²)) — the small-h form, since
 * h(t/K) ≈ η_Y t/(K M) — should stay near 1 for t ≤ K ln M/η_Y; the early deviation is the largest
 * |ln ratio| there. Late, γ = Θ(K ln(M η_Y t/K)/(η_Y t)): the ratio of γ to that form should stay within a
 * constant band for t from 2(1+ω)K ln M/η_Y to {@code span} times that; the late deviation is
 * ln(max/min) of the ratio there. Both are factors on a log scale (ln 2: a factor of 2), non-negative,
 * and unbounded above. Two replicates: early, late.
 */
final class SpeedControlStages implements ScanSnapQuantity {

    private static final int SAMPLES = 400;

    @Override
    public String name() {
        return "speed_control_stages";
    }

    @Override
    public String description() {
        return "gamma(t) vs Lemma 9's forms: early max |ln ratio| to the linear form on t <= K ln M/eta_Y; "
                + "late ln(max/min) of the ratio to K ln(M eta_Y t/K)/(eta_Y t) after the snap, up to span times its start";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("closed");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("span", 100, 1, 1e6));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double span = context.number("span");
        int m = context.config().data().vocabulary();
        int k = context.config().data().classes();
        double eta = ContinuousTime.etaY(context.config().train(), context.config().source());
        DecoderClosedForm decoder = new DecoderClosedForm(m, k, eta);
        double scanEnd = decoder.scanBoundary();
        double minEarly = Double.POSITIVE_INFINITY;
        double maxEarly = 0;
        double early = 0;
        double worstAt = 0;
        for (int i = 1; i <= SAMPLES; i++) {
            double t = scanEnd * i / SAMPLES;
            double ratio = decoder.gamma(t) / ((m - 1.0) * (m - 1.0) * eta * t / (k * (double) m * m));
            minEarly = Math.min(minEarly, ratio);
            maxEarly = Math.max(maxEarly, ratio);
            if (Math.abs(Math.log(ratio)) > early) {
                early = Math.abs(Math.log(ratio));
                worstAt = t;
            }
        }
        double snapStart = decoder.snapBoundary(decoder.omega());
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            double t = snapStart * Math.pow(span, (double) i / SAMPLES);
            double ratio = decoder.gamma(t) / (k * Math.log(m * eta * t / k) / (eta * t));
            lo = Math.min(lo, ratio);
            hi = Math.max(hi, ratio);
        }
        double late = Math.log(hi / lo);
        return Measurement.overCases(late, "early: gamma/linear form in [" + Format.number(minEarly) + ", " + Format.number(maxEarly)
                + "] up to t = " + Format.number(scanEnd)
                + "; late: gamma/(K ln(M eta t/K)/(eta t)) in [" + Format.number(lo) + ", " + Format.number(hi) + "] on ["
                + Format.number(snapStart) + ", " + Format.number(span * snapStart) + "]", new double[] {early, late},
                "early ratio farthest from 1 at t = " + Format.number(worstAt) + " (|ln ratio| " + Format.number(early) + ")");
    }
}
