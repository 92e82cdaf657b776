package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.ClosedFormRung;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;
import org.theorycheck.theories.scansnap.rungs.ReducedRung;
import org.theorycheck.core.engine.Engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig. 9: B_n(t) = η_Z ∫₀ᵗ ξ_n for several η_Z at a fixed ratio ν = η_Y/η_Z, with each t0 marked.
 * Left: ν = 10, M = 100, from Appendix F's closed form (solid) and the reduced dynamics (dashed, class 0).
 * Right: ν = 1, M = 10000, closed form only (the reduced rung at M = 10000 is not needed to make the
 * point and would dominate the figure's cost). Time is on a log axis, since t0 spans two decades.
 */
final class Fig9SnapLevel implements FigureRecipe {

    static final String SMALL = "experiments/scan-and-snap/fig9-snap-level.yaml";
    static final String LARGE = "experiments/scan-and-snap/fig9-snap-level-large.yaml";
    static final double[] ETA_Z = {0.5, 1, 2, 4, 8};
    /** Samples per curve on the log time axis. */
    static final int SAMPLES = 160;

    private record Curve(double etaZ, double etaY, double t0, double[] t, double[] closed, double[] reduced) implements Serializable {}

    @Override
    public String name() {
        return "fig9";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        List<Runs.Piece<Curve>> pieces = new ArrayList<>();
        for (double z : ETA_Z) {
            pieces.add(Runs.Piece.of(Runs.source(SMALL, budget, List.of("train.eta_z=" + z)), config -> curve(config, 0.01, true)));
        }
        for (double z : ETA_Z) {
            pieces.add(Runs.Piece.of(Runs.source(LARGE, budget, List.of("train.eta_z=" + z)), config -> curve(config, 0.1, false)));
        }
        List<Curve> curves = Runs.parallel(engine, pieces, "fig9 rungs", progress);
        DataTable data = new DataTable("m", "nu", "eta_z", "eta_y", "t", "b_closed", "b_reduced");
        List<SummaryRow> summary = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int panel = 0; panel < 2; panel++) {
            List<Curve> part = curves.subList(panel * ETA_Z.length, (panel + 1) * ETA_Z.length);
            int m = panel == 0 ? 100 : 10000;
            double nu = part.get(0).etaY() / part.get(0).etaZ();
            LineFigure f = LineFigure.titled(String.format(Locale.ROOT, "ν = %s, M = %d: B_n(t)%s", Trajectory.stepLabel(nu), m,
                            panel == 0 ? " (solid: closed form, dashed: reduced)" : " (closed form)"))
                    .axes("t (steps, log scale)", "B_n(t)").logX().size(700, 520).legend(Styler.LegendPosition.InsideNW);
            double[] bClosed = new double[part.size()];
            double[] bReduced = new double[part.size()];
            for (int i = 0; i < part.size(); i++) {
                Curve c = part.get(i);
                String label = String.format(Locale.ROOT, "η_Z = %s, η_Y = %s", Trajectory.stepLabel(c.etaZ()),
                        Trajectory.stepLabel(c.etaY()));
                f.line(label, c.t(), c.closed());
                if (c.reduced() != null) {
                    f.line("reduced, " + label, c.t(), c.reduced(), LineFigure.Style.DASHED, label);
                }
                f.marker(c.t0(), "t0", label);
                int at = Runs.indexOf(c.t(), c.t0());
                bClosed[i] = c.closed()[at];
                String key = "M=" + m + "/eta_z=" + Trajectory.stepLabel(c.etaZ());
                summary.add(SummaryRow.exact("t0/" + key, c.t0()));
                summary.add(SummaryRow.exact("B_closed_at_t0/" + key, bClosed[i]));
                if (c.reduced() != null) {
                    bReduced[i] = c.reduced()[at];
                    summary.add(SummaryRow.exact("B_reduced_at_t0/" + key, bReduced[i]));
                }
                for (int j = 0; j < c.t().length; j++) {
                    data.row(m, nu, c.etaZ(), c.etaY(), c.t()[j], c.closed()[j], c.reduced() == null ? Double.NaN : c.reduced()[j]);
                }
            }
            XYChart chart = f.chart();
            chart.getSeriesMap().values().stream().filter(x -> x.getName().startsWith("reduced, ")).forEach(x -> x.setShowInLegend(false));
            charts.add(chart);
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "M = %d, ν = %s: B_n(t0) from the closed form ranges over [%.3f, %.3f] as η_Z goes from %s to %s",
                    m, Trajectory.stepLabel(nu), min(bClosed), max(bClosed), Trajectory.stepLabel(ETA_Z[0]),
                    Trajectory.stepLabel(ETA_Z[ETA_Z.length - 1])));
            if (panel == 0) {
                seen.append(String.format(Locale.ROOT, ", from the reduced dynamics over [%.3f, %.3f]", min(bReduced), max(bReduced)));
            }
        }
        return new FigureResult(name(), "Fig. 9: B_n(t) at fixed ν = η_Y/η_Z, with the snap times t0",
                "At fixed ν the curves differ before the snap, but B_n(t0) is the same for every η_Z: it depends on K, M "
                        + "and ν only (Appendix F); t0 = 2K ln M/η_Y moves left as the rates grow.",
                seen + ". Dotted lines: t0 in each curve's colour.", new Figure(charts, 2), data, summary);
    }

    private static Curve curve(ExperimentConfig config, double first, boolean withReduced) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        double etaY = ContinuousTime.etaY(config.train(), config.source());
        double t0 = new DecoderClosedForm(classes.vocabulary(), classes.classes(), etaY).snapTime();
        double[] t = Runs.logTimes(first, config.train().steps(), SAMPLES, t0);
        long seed = config.seeds().get(0);
        double[] closed = b(new ClosedFormRung(), config, seed, t);
        double[] reduced = withReduced ? b(new ReducedRung(), config, seed, t) : null;
        return new Curve(config.train().etaZ(), config.train().etaY(), t0, t, closed, reduced);
    }

    private static double[] b(ContinuousRung rung, ExperimentConfig config, long seed, double[] t) {
        return rung.runAt(config, seed, t).extraSeries("B_0");
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
