package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;
import org.theorycheck.theories.scansnap.rungs.ReducedRung;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.scansnap.train.RecordSteps;

import java.util.ArrayList;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;

/**
 * Paper Fig. 3: the growth factor χ_{l0}(t) = exp(2(z_{m l0}(t) − z_{m l0}(0))) of the dominant distinct
 * token of class 0, from the reduced dynamics (Eqn. 10), for η_Y ∈ {0.5, 1, 2, 5} at η_Z = 0.5, with
 * Theorem 4's snap time t0 = 2K ln M/η_Y and γ's peak marked. The experiment has no momentum, so the
 * continuous time of the rung is the SGD step count.
 */
final class Fig3GrowthFactor implements FigureRecipe {

    static final String EXPERIMENT = "experiments/scan-and-snap/fig3-growth-factor.yaml";
    static final double[] ETA_Y = {0.5, 1, 2, 5};

    @Override
    public String name() {
        return "fig3";
    }

    private record Curve(double etaY, double t0, double peak, double[] t, double[] chi) implements Serializable {
        double at(double time) {
            return chi[Runs.indexOf(t, time)];
        }
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        List<Runs.Piece<Curve>> pieces = new ArrayList<>();
        for (double etaY : ETA_Y) {
            pieces.add(Runs.Piece.of(Runs.source(EXPERIMENT, budget, List.of("train.eta_y=" + etaY)), Fig3GrowthFactor::curve));
        }
        List<Curve> curves = Runs.parallel(engine, pieces, "fig3 reduced rung", progress);

        LineFigure f = LineFigure.titled("Growth factor of the dominant distinct token (reduced dynamics, η_Z = 0.5)")
                .axes("t (steps)", "χ_l0(t) = exp(2 Δz_l0)").size(900, 560);
        DataTable data = new DataTable("eta_y", "t", "chi_l0");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (Curve c : curves) {
            String label = "η_Y = " + Trajectory.stepLabel(c.etaY());
            f.line(label, c.t(), c.chi());
            f.marker(c.t0(), "t0", label);
            for (int i = 0; i < c.t().length; i++) {
                data.row(c.etaY(), c.t()[i], c.chi()[i]);
            }
            String key = "eta_y=" + Trajectory.stepLabel(c.etaY());
            double end = c.t()[c.t().length - 1];
            summary.add(SummaryRow.exact("t0/" + key, c.t0()));
            summary.add(SummaryRow.exact("gamma_peak/" + key, c.peak()));
            summary.add(SummaryRow.exact("chi_at_t0/" + key, c.at(c.t0())));
            summary.add(SummaryRow.exact("chi_at_end/" + key, c.at(end)));
            seen.append(String.format(Locale.ROOT, "%sη_Y = %s: t0 = %.1f (γ peaks at %.1f), χ(t0) = %.2f, χ(%.0f) = %.2f",
                    seen.length() == 0 ? "" : "; ", Trajectory.stepLabel(c.etaY()), c.t0(), c.peak(), c.at(c.t0()),
                    end, c.at(end)));
            seen.append(String.format(Locale.ROOT, " (%.0f%% of the growth up to t = %.0f happens after t0)",
                    100 * (c.at(end) - c.at(c.t0())) / (c.at(end) - 1), end));
        }
        // γ's peaks as points on their curves: a second set of vertical lines would crowd out the t0 markers.
        f.line("peak of γ(t)", curves.stream().mapToDouble(Curve::peak).toArray(),
                curves.stream().mapToDouble(c -> c.at(c.peak())).toArray(), LineFigure.Style.POINTS);
        return new FigureResult(name(), "Fig. 3: growth factor χ_l0(t) and the snap time t0",
                "χ_l0(t) grows quickly before t0 ≈ 2K ln M/η_Y and is almost frozen afterwards (O(ln t) growth); "
                        + "t0 is inversely proportional to η_Y (K = 10, M = 1000, η_Z = 0.5).",
                seen + ". Dotted lines: t0 in each curve's colour; points: the peak of γ(t) on each curve.", f.figure(), data, summary);
    }

    private static Curve curve(ExperimentConfig config) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        DecoderClosedForm decoder = new DecoderClosedForm(classes.vocabulary(), classes.classes(),
                ContinuousTime.etaY(config.train(), config.source()));
        double t0 = decoder.snapTime();
        double[] t = DoubleStream.concat(Arrays.stream(RecordSteps.of(config.train())), DoubleStream.of(t0, decoder.gammaPeakTime()))
                .sorted().distinct().toArray();
        Trajectory trajectory = new ReducedRung().runAt(config, config.seeds().get(0), t);
        int l0 = Runs.distinctByFrequency(classes, 0)[0];
        double[] chi = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            chi[i] = trajectory.growthFactor(i, 0, l0);
        }
        return new Curve(config.train().etaY(), t0, decoder.gammaPeakTime(), t, chi);
    }
}
