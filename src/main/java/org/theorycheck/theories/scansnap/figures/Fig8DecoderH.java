package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;
import org.theorycheck.core.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig. 8: Lemma 5's exact recursion h*(s) (a staircase) against Lemma 6's continuous h(s) for one
 * class (per-class clock s), at M = 50 and M = 1000. The paper's panels also name η_Z (0.05 and 0.1),
 * which h does not depend on. Purely closed-form, so no experiment file: the settings are the figure's.
 */
final class Fig8DecoderH implements FigureRecipe {

    /** One panel: vocabulary size and the decoder rates drawn. */
    private record Panel(int vocabulary, double[] etaY) {}

    static final List<Integer> SHOWN_S = List.of(5, 20, 50, 100);
    static final int S_MAX = 100;
    /** Points per unit of s for the smooth curve: enough for it to look smooth between the stairs. */
    static final int SMOOTH_PER_STEP = 4;

    private static final List<Panel> PANELS = List.of(
            new Panel(50, new double[]{0.1, 0.2, 0.5, 1, 2}),
            new Panel(1000, new double[]{0.2, 0.5, 1, 2, 4}));

    @Override
    public String name() {
        return "fig8";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        DataTable data = new DataTable("m", "eta_y", "s", "h_star", "h");
        List<SummaryRow> summary = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (Panel p : PANELS) {
            LineFigure f = LineFigure.titled("M = " + p.vocabulary() + ": h*(s) (steps) and h(s) (dashed)")
                    .axes("s (updates of the class)", "h").size(700, 500).legend(Styler.LegendPosition.InsideSE);
            double worstRatio = 0;
            for (double etaY : p.etaY()) {
                DecoderClosedForm d = new DecoderClosedForm(p.vocabulary(), 1, etaY);
                double[] stairs = d.discreteH(S_MAX);
                double[] s = new double[S_MAX + 1];
                for (int i = 0; i <= S_MAX; i++) {
                    s[i] = i;
                    data.row(p.vocabulary(), etaY, (double) i, stairs[i], d.h(i));
                    worstRatio = Math.max(worstRatio, (stairs[i] - d.h(i)) / (2 * etaY / p.vocabulary()));
                }
                double[] fine = new double[S_MAX * SMOOTH_PER_STEP + 1];
                double[] smooth = new double[fine.length];
                for (int i = 0; i < fine.length; i++) {
                    fine[i] = (double) i / SMOOTH_PER_STEP;
                    smooth[i] = d.h(fine[i]);
                }
                String label = "η_Y = " + Trajectory.stepLabel(etaY);
                f.staircase(label, s, stairs);
                f.line("h, " + label, fine, smooth, LineFigure.Style.DASHED, label);
                String key = "M=" + p.vocabulary() + "/eta_y=" + Trajectory.stepLabel(etaY);
                for (int at : SHOWN_S) {
                    summary.add(SummaryRow.exact("h_star/" + key + "/s=" + at, stairs[at]));
                    summary.add(SummaryRow.exact("h/" + key + "/s=" + at, d.h(at)));
                }
            }
            XYChart chart = f.chart();
            chart.getSeriesMap().values().stream().filter(x -> x.getName().startsWith("h, ")).forEach(x -> x.setShowInLegend(false));
            charts.add(chart);
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "M = %d: the largest gap h*(s) − h(s) over s ≤ %d is %.2f of Lemma 7's bound 2η_Y/M",
                    p.vocabulary(), S_MAX, worstRatio));
        }
        return new FigureResult(name(), "Fig. 8: the decoder's h*(s) (Lemma 5) and h(s) (Lemma 6)",
                "The exact staircase h*(s) stays just above the smooth h(s), within 2η_Y/M (Lemma 7); both grow "
                        + "linearly, then bend to logarithmic growth once M·h reaches about ln M.",
                seen + ". Same colour: same η_Y; the dashed curve is h(s).", new Figure(charts, 2), data, summary);
    }
}
