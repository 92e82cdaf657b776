package org.theorycheck.theories.deeplinear.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 3 left: the strengths u_α = [Uᵀ W_tot V]_αα of modes 1, 2, 3, 5, 12, 18 and 31 of the hierarchical task
 * ({@link LadderRuns.Setting}) over time: eq 12 with the theory's u0 (lines), full-batch gd (eq 1) from a small
 * random start, seed 1 (points), and the real network trained by online SGD (one example per update, an epoch a
 * step), mean (dotted) ± std (band) over seeds: 3 at the quick budget, 10 at the full.
 */
final class Fig3ModeStrengths implements FigureRecipe {

    static final int[] MODES = {1, 2, 3, 5, 12, 18, 31};
    static final LadderRuns.Setting SETTING = new LadderRuns.Setting(1500, 5, MODES);
    /** gd is drawn as a point every this many records (the data file has every record). */
    static final int GD_POINTS = 10;

    /** SGD seeds of the quick budget (the full budget has 10). */
    static final int QUICK_SEEDS = 3;

    private final int quickSeeds;

    Fig3ModeStrengths() {
        this(QUICK_SEEDS);
    }

    /** With fewer SGD seeds at the quick budget (seeds 1.., a part of the figure's), for tests. */
    Fig3ModeStrengths(int quickSeeds) {
        this.quickSeeds = quickSeeds;
    }

    @Override
    public String name() {
        return "fig3";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        int seeds = budget == Budget.FULL ? 10 : quickSeeds;
        List<LadderRuns.Piece> pieces = new ArrayList<>();
        pieces.add(new LadderRuns.Piece("gd", SETTING, 1));
        for (long seed = 1; seed <= seeds; seed++) {
            pieces.add(new LadderRuns.Piece("sgd", SETTING, seed));
        }
        List<LadderRuns.Modes> runs = Tasks.run(engine, pieces, LadderRuns.Piece::compute, "fig3 runs", progress);
        LadderRuns.Modes gd = runs.get(0);
        List<LadderRuns.Modes> sgd = runs.subList(1, runs.size());
        Task task = LadderRuns.Setting.task().build();
        double tau = LadderRuns.Setting.tau();
        double u0 = LadderRuns.Setting.U0;
        double[] t = gd.steps();

        LineFigure f = LineFigure.titled("Eq 12 (lines), gd (points), SGD (bands)")
                .axes("t (steps of gd; epochs of SGD)", "u_α = [Uᵀ W_tot V]_αα").size(1000, 620)
                .legend(Styler.LegendPosition.OutsideE);
        DataTable data = new DataTable("mode", "s", "t", "closed_eq12", "gd_seed1", "sgd_mean", "sgd_std");
        List<SummaryRow> summary = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < MODES.length; k++) {
            int alpha = MODES[k];
            double s = task.svd().s(alpha);
            double[] closed = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                closed[i] = ClosedForms.eq12(s, tau, u0, t[i]);
            }
            int kk = k;
            List<double[]> bands = sgd.stream().map(m -> m.u()[kk]).toList();
            String label = String.format(Locale.ROOT, "mode %d, s = %.1f", alpha, s);
            f.runs(label, t, bands, LineFigure.Style.DOTTED);
            String bandLabel = bands.size() == 1 ? label : label + " (mean ± std, " + bands.size() + " runs)";
            f.line(label + " eq 12", t, closed, LineFigure.Style.SOLID, bandLabel);
            double[][] sparse = every(GD_POINTS, t, gd.u()[k]);
            f.line(label + " gd", sparse[0], sparse[1], LineFigure.Style.POINTS, bandLabel);
            hidden.add(label + " eq 12");
            hidden.add(label + " gd");
            double[][] stats = Stats.pointwiseMeanStd(bands);
            for (int i = 0; i < t.length; i++) {
                data.row(alpha, s, t[i], closed[i], gd.u()[k][i], stats[0][i], stats[1][i]);
            }
            double closedHalf = ClosedForms.tHalf(s, tau, u0);
            double[] sgdHalf = sgd.stream().mapToDouble(m -> m.tHalf()[kk]).toArray();
            String key = "mode=" + alpha;
            summary.add(SummaryRow.exact("t_half/eq12/" + key, closedHalf));
            summary.add(SummaryRow.exact("t_half/gd_seed1/" + key, gd.tHalf()[k]));
            SummaryRow sgdRow = SummaryRow.seeds("t_half/sgd/" + key, sgdHalf);
            summary.add(sgdRow);
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "mode %d (s = %.2f): %.0f, %.0f, %.0f ± %.0f",
                    alpha, s, closedHalf, gd.tHalf()[k], sgdRow.mean(), sgdRow.std()));
        }
        XYChart chart = f.chart();
        chart.getSeriesMap().values().stream().filter(x -> hidden.contains(x.getName())).forEach(x -> x.setShowInLegend(false));
        return new FigureResult(name(), "Fig. 3 (left): mode strengths on the hierarchical task, theory against gd and SGD",
                "Each input–output mode is learned in a sigmoidal sweep at a time ∝ 1/s_α, stronger modes first; eq 12 (red in "
                        + "the paper) is an excellent approximation of the full linear dynamics from small random starts.",
                String.format(Locale.ROOT, "%s, N2 = %d, λ = %.2g (τ = %.0f), u0 = %.0e, random starts N(0, %.3g²); time to "
                                + "s_α/2 for eq 12, gd (seed 1) and SGD (mean ± std over %d seeds): %s.", task.description(),
                        LadderRuns.Setting.HIDDEN, LadderRuns.Setting.RATE, tau, u0, LadderRuns.Setting.initStd(), sgd.size(), seen),
                new Figure(List.of(chart), 1), data, summary);
    }

    /** Every {@code n}-th point of a series, from the first. */
    private static double[][] every(int n, double[] x, double[] y) {
        int count = (x.length + n - 1) / n;
        double[][] out = new double[2][count];
        for (int i = 0; i < count; i++) {
            out[0][i] = x[i * n];
            out[1][i] = y[i * n];
        }
        return out;
    }
}
