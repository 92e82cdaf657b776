package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;

import java.util.List;
import java.util.Set;

/**
 * Appendix F / Fig. 9: B_n at the snap time t0 = 2K ln M/η_Y depends only on K, M and ν = η_Y/η_Z, so
 * scaling both rates together changes nothing. For each η_Z in {@code eta_z} (η_Y = ν·η_Z with ν the
 * experiment's ratio), the level of class 0 at t0 is read: B_0 where the rung records it, otherwise the
 * dominant distinct token's logit gain (which Eqn. 12 ties to B_n). Continuous-time rungs are evaluated
 * exactly at t0; discrete ones (SGD, the map) are interpolated linearly between record steps. Deviation: (max − min)/mean of the levels across η_Z.
 */
final class SnapLevel implements ScanSnapQuantity {

    @Override
    public String name() {
        return "snap_level";
    }

    @Override
    public String description() {
        return "(max - min)/mean over eta_z (fixed nu) of B_0(t0) (or the dominant logit gain) at t0 = 2K ln M/eta_Y";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("sgd", "map", "flow", "reduced", "closed");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.numbers("eta_z", Parameter.POSITIVE, 1e3));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double nu = context.config().train().etaRatio();
        double[] etaZs = context.has("eta_z") ? context.numbers("eta_z")
                : new double[] {context.config().train().etaZ()};
        double[] level = new double[etaZs.length];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < etaZs.length; i++) {
            ExperimentConfig config = context.configWith("train.eta_z=" + etaZs[i], "train.eta_y=" + nu * etaZs[i]);
            double t0 = new DecoderClosedForm(config.data().vocabulary(), config.data().classes(),
                    ContinuousTime.etaY(config.train(), config.source())).snapTime();
            if (t0 > config.train().steps()) {
                throw new IllegalArgumentException("t0 = " + Format.number(t0) + " lies beyond train.steps = "
                        + config.train().steps());
            }
            if (context.rung() instanceof ContinuousRung continuous) {
                Trajectory t = continuous.runAt(config, context.seeds().get(0), new double[] {0, t0});
                level[i] = series(t)[1];
            } else {
                Trajectory t = context.trace(context.rung(), config, context.seeds().get(0), Trajectory.class);
                level[i] = interpolate(t.steps(), series(t), t0);
            }
            text.append(i == 0 ? "" : ", ").append(Format.number(etaZs[i])).append("->").append(Format.number(level[i]));
        }
        double spread = (Stats.max(level) - Stats.min(level)) / Math.abs(Stats.mean(level));
        return Measurement.of(spread, "level at t0 by eta_Z (nu = " + Format.number(nu) + "): " + text + "; spread "
                + Format.number(spread),
                Double.isNaN(spread) ? Double.POSITIVE_INFINITY : spread, "levels " + text);
    }

    private static double[] series(Trajectory t) {
        if (t.extraNames().contains("B_0")) {
            return t.extraSeries("B_0");
        }
        int l0 = LogitDirection.tokens(t.classes(), 0, "dominant")[0];
        double[] z = t.zSeries(0, l0);
        double[] gain = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            gain[i] = z[i] - z[0];
        }
        return gain;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= at) {
                double w = (at - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + w * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }
}
