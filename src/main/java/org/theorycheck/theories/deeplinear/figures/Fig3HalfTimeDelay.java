package org.theorycheck.theories.deeplinear.figures;

import org.knowm.xchart.style.Styler;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 3 right: the delay of learning due to competition between modes, (t_half,sim − t_half,eq12) /
 * t_half,eq12 for every mode of the hierarchical task ({@link LadderRuns.Setting}), full-batch gd from small random
 * starts, mean ± std over seeds (10 at the quick budget, the paper's 100 at the full); t_half is the time u_α first
 * reaches s_α/2, eq 12's is (τ/2s) ln(s/u0 − 1).
 */
final class Fig3HalfTimeDelay implements FigureRecipe {

    /** Every mode of the task (N1 = 32 one-hot items). */
    static final int MODES = 32;

    /** Seeds of the quick budget (the full budget has the paper's 100). */
    static final int QUICK_SEEDS = 10;

    private final int quickSeeds;

    Fig3HalfTimeDelay() {
        this(QUICK_SEEDS);
    }

    /** With fewer seeds at the quick budget (seeds 1.., a part of the figure's), for tests. */
    Fig3HalfTimeDelay(int quickSeeds) {
        this.quickSeeds = quickSeeds;
    }

    @Override
    public String name() {
        return "fig3-delay";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        int seeds = budget == Budget.FULL ? 100 : quickSeeds;
        int[] modes = new int[MODES];
        for (int k = 0; k < MODES; k++) {
            modes[k] = k + 1;
        }
        LadderRuns.Setting setting = new LadderRuns.Setting(2000, 5, modes);
        List<LadderRuns.Piece> pieces = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            pieces.add(new LadderRuns.Piece("gd", setting, seed));
        }
        List<LadderRuns.Modes> runs = Tasks.run(engine, pieces, LadderRuns.Piece::compute, "fig3-delay seeds", progress);
        Task task = LadderRuns.Setting.task().build();
        double tau = LadderRuns.Setting.tau();
        double u0 = LadderRuns.Setting.U0;

        double[] x = new double[MODES];
        double[] mean = new double[MODES];
        double[] std = new double[MODES];
        DataTable data = new DataTable("mode", "s", "seed", "t_half_gd", "t_half_eq12", "delay");
        List<SummaryRow> summary = new ArrayList<>();
        int late = 0;
        for (int k = 0; k < MODES; k++) {
            double s = task.svd().s(k + 1);
            double predicted = ClosedForms.tHalf(s, tau, u0);
            double[] delay = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                double measured = runs.get(r).tHalf()[k];
                delay[r] = (measured - predicted) / predicted;
                data.row(k + 1, s, r + 1, measured, predicted, delay[r]);
            }
            SummaryRow row = SummaryRow.seeds("delay/mode=" + (k + 1), delay);
            summary.add(row);
            x[k] = k + 1;
            mean[k] = row.mean();
            std[k] = row.std();
            late += row.mean() > 0 ? 1 : 0;
        }
        LineFigure f = LineFigure.titled("Relative delay of t_half, gd from small random starts against eq 12")
                .axes("mode α (s_α decreasing)", "(t_half,gd − t_half,eq12) / t_half,eq12").size(900, 520)
                .legend(Styler.LegendPosition.InsideNW)
                .errorBars(String.format(Locale.ROOT, "gd, mean ± std over %d seeds", runs.size()), x, mean, std);
        int first = 0;
        int worst = 0;
        for (int k = 1; k < MODES; k++) {
            worst = Math.abs(mean[k]) > Math.abs(mean[worst]) ? k : worst;
        }
        String observed = String.format(Locale.ROOT, "%s, λ = %.2g, u0 = %.0e, random starts N(0, %.3g²), %d seeds: mean delay "
                        + "%+.3f ± %.3f for mode %d (s = %.1f), largest |mean| %+.3f ± %.3f at mode %d (s = %.1f); %d of %d modes "
                        + "learn later than eq 12 on average.", task.description(), LadderRuns.Setting.RATE, u0,
                LadderRuns.Setting.initStd(), runs.size(), mean[first], std[first], first + 1, task.svd().s(first + 1),
                mean[worst], std[worst], worst + 1, task.svd().s(worst + 1), late, MODES);
        return new FigureResult(name(), "Fig. 3 (right): delay of the half-learning time per mode, small random starts against eq 12",
                "Small random starts learn each mode slightly later than the decoupled solution predicts, the delay due to "
                        + "competition between modes; the decoupled solution is a good approximation (the paper gives no values).",
                observed, f.figure(), data, summary);
    }
}
