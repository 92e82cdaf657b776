package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;
import org.theorycheck.theories.scansnap.rungs.SnapTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Theorem 4's snap time t0 ≈ 2K ln M/η_Y: inversely proportional to η_Y and independent of η_Z. For
 * every (η_Y, η_Z) of the grid given by {@code eta_y} and {@code eta_z}, the rung's trajectory is
 * computed and its snap located by {@link SnapTime#fromTrajectory} (the knee of B_n, or of the largest
 * distinct-logit gain, against ln t; class 0). Continuous-time rungs are sampled at 400 log-spaced times
 * from t0/100 on; discrete ones at their record steps. With {@code compare: scaling} the deviation of a setting
 * is |ln(t0·η_Y / c)|, c the geometric mean of t0·η_Y over the grid (the law, whatever its constant);
 * with {@code compare: paper} it is |ln(t0 / (2K ln M/η_Y))| (the paper's constant; η_Y in continuous
 * time). Settings are the replicates.
 */
final class SnapTimeScaling implements ScanSnapQuantity {

    private static final int SAMPLES = 400;

    @Override
    public String name() {
        return "snap_time";
    }

    @Override
    public String description() {
        return "per (eta_y, eta_z) setting, |ln(t0 eta_Y / geometric mean)| (compare: scaling) or "
                + "|ln(t0 / (2K ln M / eta_Y))| (compare: paper); t0 = knee of B_n vs ln t";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("sgd", "map", "flow", "reduced", "closed");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.numbers("eta_y", Parameter.POSITIVE, 1e3), Parameter.numbers("eta_z", Parameter.POSITIVE, 1e3),
                Parameter.choice("compare", "scaling", "scaling", "paper"));
    }

    /** 0 and {@value #SAMPLES} log-spaced times from {@code from} to {@code to}: even resolution in ln t. */
    static double[] logGrid(double from, double to) {
        double[] times = new double[SAMPLES + 1];
        for (int i = 1; i <= SAMPLES; i++) {
            times[i] = from * Math.pow(to / from, (i - 1.0) / (SAMPLES - 1));
        }
        times[SAMPLES] = to;
        return times;
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double[] etaYs = context.has("eta_y") ? context.numbers("eta_y")
                : new double[] {context.config().train().etaY()};
        double[] etaZs = context.has("eta_z") ? context.numbers("eta_z")
                : new double[] {context.config().train().etaZ()};
        boolean paper = context.text("compare").equals("paper");
        List<double[]> settings = new ArrayList<>();
        StringBuilder found = new StringBuilder();
        for (double etaY : etaYs) {
            for (double etaZ : etaZs) {
                ExperimentConfig config = context.configWith("train.eta_z=" + etaZ, "train.eta_y=" + etaY);
                double continuousEtaY = ContinuousTime.etaY(config.train(), config.source());
                double predicted = new DecoderClosedForm(config.data().vocabulary(), config.data().classes(),
                        continuousEtaY).snapTime();
                Trajectory t = context.rung() instanceof ContinuousRung continuous
                        ? continuous.runAt(config, context.seeds().get(0), logGrid(predicted / 100, config.train().steps()))
                        : context.trace(context.rung(), config, context.seeds().get(0), Trajectory.class);
                SnapTime.SnapEstimate e = SnapTime.fromTrajectory(t, 0, predicted);
                settings.add(new double[] {etaY, etaZ, e.measured(), predicted, continuousEtaY});
                found.append(found.length() == 0 ? "" : ", ").append("(").append(Format.number(etaY)).append(",")
                        .append(Format.number(etaZ)).append(")->").append(Format.number(e.measured()));
            }
        }
        double logMean = 0;
        for (double[] s : settings) {
            logMean += Math.log(s[2] * s[4]) / settings.size();
        }
        double geometricMean = Math.exp(logMean);
        double[] dev = new double[settings.size()];
        WorstCase worst = WorstCase.lastOfTies();
        for (int i = 0; i < dev.length; i++) {
            double[] s = settings.get(i);
            dev[i] = paper ? Math.abs(Math.log(s[2] / s[3])) : Math.abs(Math.log(s[2] * s[4]) - logMean);
            if (Double.isNaN(dev[i])) {
                dev[i] = Double.POSITIVE_INFINITY;
            }
            worst.offer(dev[i], () -> "eta_Y " + Format.number(s[0]) + ", eta_Z " + Format.number(s[1]) + ": t0 = "
                    + Format.number(s[2]) + " steps, paper " + Format.number(s[3])
                    + (paper ? "" : ", t0*eta_Y = " + Format.number(s[2] * s[4]) + " vs mean " + Format.number(geometricMean)));
        }
        double ratio = geometricMean / (2 * context.config().data().classes() * Math.log(context.config().data().vocabulary()));
        return Measurement.overCases(ratio, "t0 (eta_Y,eta_Z)->steps: " + found + "; t0/(2K ln M/eta_Y) = " + Format.number(ratio)
                + " on average", dev, worst.description());
    }
}
