package org.theorycheck.theories.deeplinear.figures;

import org.knowm.xchart.style.Styler;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.theories.deeplinear.nonlinear.NonlinearPredictions;
import org.theorycheck.theories.deeplinear.nonlinear.OrthogonalTanhNetwork;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceMap;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceSettings;
import org.theorycheck.theories.deeplinear.spectra.Table;
import org.theorycheck.theories.deeplinear.nonlinear.NonlinearFigures;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 8 (App. G): left, the variance map of eq 48, q^{l+1} against q^l for tanh at gains 0.9, 1, 1.1 and
 * 1.5 beside the identity; right, its fixed point q∞(g) (eq 49) against random orthogonal tanh networks (eq 20)
 * of depth 30, q (eq 21) averaged over their last 5 layers, from q^1 = 1, mean ± std over seeds, with eq 48
 * iterated to the same depth (which a finite network follows where q∞ is reached slowly, near g_c). Quick: width
 * 200, 3 seeds; full: the paper's width 1000, 10 seeds.
 */
final class Fig8VarianceMap implements FigureRecipe {

    static final double[] MAP_GAINS = {0.9, 1.0, 1.1, 1.5};

    static VarianceSettings settings(Budget budget) {
        return budget == Budget.FULL ? VarianceSettings.full() : VarianceSettings.quick();
    }

    @Override
    public String name() {
        return "fig8";
    }

    /** One network's q^l for every gain of the settings. */
    record Piece(VarianceSettings settings, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;

        double[][] compute() {
            return new OrthogonalTanhNetwork(settings.width(), settings.layers(), seed).variances(settings.gains(),
                    settings.inputVariance());
        }
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        VarianceSettings settings = settings(budget);
        int seeds = budget == Budget.FULL ? 10 : 3;
        List<Piece> pieces = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            pieces.add(new Piece(settings, seed));
        }
        List<double[][]> networks = Tasks.run(engine, pieces, Piece::compute, "fig8 networks", progress);
        VarianceMap map = VarianceMap.tanh();

        DataTable data = new DataTable("panel", "g", "q", "value");
        LineFigure left = LineFigure.titled("Variance map of eq 48 (tanh)").axes("q^l", "q^{l+1}").size(600, 500)
                .legend(Styler.LegendPosition.InsideNW);
        double qMax = 1.5;
        int points = 121;
        left.line("identity", new double[] {0, qMax}, new double[] {0, qMax}, LineFigure.Style.DOTTED);
        for (double g : MAP_GAINS) {
            Table t = NonlinearFigures.varianceMap(map, g, qMax, points);
            left.line(String.format(Locale.ROOT, "g = %.1f", g), t.column("q"), t.column("q_next"), LineFigure.Style.SOLID);
            for (int i = 0; i < points; i++) {
                data.row("map", g, t.column("q")[i], t.column("q_next")[i]);
            }
        }

        double[] gains = settings.gains();
        List<SummaryRow> summary = new ArrayList<>();
        double[] iterated = new double[gains.length];
        double[] mean = new double[gains.length];
        double[] std = new double[gains.length];
        for (int g = 0; g < gains.length; g++) {
            int gg = g;
            double[] sim = networks.stream().mapToDouble(q -> NonlinearPredictions.lastLayers(q[gg], settings.averagedLayers())).toArray();
            SummaryRow row = SummaryRow.seeds(String.format(Locale.ROOT, "q_sim/g=%.1f", gains[g]), sim);
            iterated[g] = NonlinearPredictions.lastLayers(map.iterate(settings.inputVariance(), gains[g], settings.layers()),
                    settings.averagedLayers());
            mean[g] = row.mean();
            std[g] = row.std();
            summary.add(row);
            summary.add(SummaryRow.exact(String.format(Locale.ROOT, "q_inf/g=%.1f", gains[g]), map.fixedPoint(gains[g])));
            summary.add(SummaryRow.exact(String.format(Locale.ROOT, "q_eq48_depth/g=%.1f", gains[g]), iterated[g]));
            for (double v : sim) {
                data.row("simulation", gains[g], "", v);
            }
        }
        int fine = 151;
        double[] g = new double[fine];
        double[] fixed = new double[fine];
        for (int i = 0; i < fine; i++) {
            g[i] = gains[0] + (gains[gains.length - 1] - gains[0]) * i / (fine - 1);
            fixed[i] = map.fixedPoint(g[i]);
            data.row("q_inf", g[i], "", fixed[i]);
        }
        double gc = map.criticalGain(0.5, 2, NonlinearPredictions.GAIN_RESOLUTION);
        summary.add(SummaryRow.exact("critical_gain", gc));
        LineFigure right = LineFigure.titled("Fixed point q∞(g) against deep tanh networks").axes("gain g", "q")
                .size(600, 500).legend(Styler.LegendPosition.InsideNW)
                .line("q∞(g), eq 49", g, fixed, LineFigure.Style.SOLID)
                .line("eq 48 iterated, last " + settings.averagedLayers() + " of " + settings.layers() + " layers", gains, iterated,
                        LineFigure.Style.DASHED)
                .errorBars(String.format(Locale.ROOT, "networks, width %d, mean ± std over %d seeds", settings.width(), seeds),
                        gains, mean, std);
        String agreement = NonlinearPredictions.simulationAgreement(settings, average(networks), map).text();
        return new FigureResult(name(), "Fig. 8: the variance map and its fixed point q∞(g) against deep tanh networks",
                "For tanh the map of eq 48 has the fixed point q∞ = 0 for g < 1 and a stable q∞(g) > 0 for g > 1 (the edge of "
                        + "chaos at g_c = 1); random orthogonal tanh networks of depth 30 and width 1000 follow q∞(g).",
                String.format(Locale.ROOT, "q∞ turns positive at g_c = %.9f. Networks against eq 48 at depth %d (seed mean): %s.",
                        gc, settings.layers(), agreement),
                new Figure(List.of(left.chart(), right.chart()), 2), data, summary);
    }

    /** The seeds' mean q^l per gain and layer. */
    private static double[][] average(List<double[][]> networks) {
        double[][] mean = new double[networks.get(0).length][networks.get(0)[0].length];
        for (double[][] q : networks) {
            for (int g = 0; g < mean.length; g++) {
                for (int l = 0; l < mean[g].length; l++) {
                    mean[g][l] += q[g][l] / networks.size();
                }
            }
        }
        return mean;
    }
}
