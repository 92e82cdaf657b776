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
import org.theorycheck.theories.deeplinear.spectra.Ensemble;
import org.theorycheck.theories.deeplinear.spectra.GinibreProductLaw;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.SpectraFigures;
import org.theorycheck.theories.deeplinear.spectra.SpectraSettings;
import org.theorycheck.theories.deeplinear.spectra.SpectrumStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 6C: the eigenvalues of the same Gaussian products as Fig 6B, for 1, 5 and 99 factors (scatter, the
 * first realisations), and the share in the histogram bin of width 0.1 centred on the origin — which the paper
 * removes from its histograms and reports as 32% and 94% in its middle and right panels — against the number of
 * factors, beside its large-N law (Burda et al., {@link GinibreProductLaw}; not in the paper). The paper's depths
 * are not given: the law puts 32% and 94% at about 5 and 99 factors. Quick: N = 200, 20 realisations, the share
 * at 1, 2, 5, 10, 20, 50 and 99 factors; full: the paper's N = 1000 with 8 realisations, at 1, 5 and 99 factors.
 */
final class Fig6cEigenvalues implements FigureRecipe {

    /** The depths drawn as scatter panels. */
    static final int[] DRAWN = {1, 5, 99};
    /** At most this many eigenvalues per scatter panel (the data file has them all). */
    static final int POINTS = 2000;
    /** The shares the paper reports for its middle and right panels. */
    static final double[] PAPER_SHARES = {0.32, 0.94};

    /** Realisations of the quick budget. */
    static final int QUICK_REALISATIONS = 20;

    private final int quickRealisations;

    Fig6cEigenvalues() {
        this(QUICK_REALISATIONS);
    }

    /** With fewer realisations at the quick budget (the first ones of the figure's), for tests. */
    Fig6cEigenvalues(int quickRealisations) {
        this.quickRealisations = quickRealisations;
    }

    SpectraSettings settings(Budget budget) {
        return budget == Budget.FULL ? new SpectraSettings(Ensemble.GAUSSIAN, 1000, DRAWN, 8)
                : new SpectraSettings(Ensemble.GAUSSIAN, 200, new int[] {1, 2, 5, 10, 20, 50, 99}, quickRealisations);
    }

    @Override
    public String name() {
        return "fig6c";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        SpectraSettings settings = settings(budget);
        int[] factors = settings.factors();
        List<ProductSpectra.Realisation> each = ProductRuns.run(engine, settings, false, true, "fig6c realisations", progress);
        ProductSpectra spectra = ProductSpectra.pool(settings, each);
        double bin = SpectraFigures.EIGENVALUE_BIN;

        List<XYChart> panels = new ArrayList<>();
        DataTable data = new DataTable("factors", "re", "im");
        for (int f : DRAWN) {
            int k = spectra.depthIndex(f);
            double[] re = spectra.eigenRe()[k];
            double[] im = spectra.eigenIm()[k];
            for (int i = 0; i < re.length; i++) {
                data.row(f, re[i], im[i]);
            }
            int shown = Math.min(POINTS, re.length);
            double[][] circle = Charts.unitCircle();
            XYChart chart = LineFigure.titled(f + (f == 1 ? " matrix" : " matrices") + String.format(Locale.ROOT,
                            ": %.1f%% in the origin bin", 100 * SpectrumStatistics.originBinFraction(re, im, bin)))
                    .axes("Re λ", "Im λ").size(520, 480).yRange(-1.5, 1.5).legend(Styler.LegendPosition.InsideNE)
                    .line("unit circle", circle[0], circle[1], LineFigure.Style.DOTTED)
                    .line(shown + " of " + re.length + " eigenvalues", Arrays.copyOf(re, shown), Arrays.copyOf(im, shown),
                            LineFigure.Style.POINTS).chart();
            chart.getStyler().setXAxisMin(-1.5);
            chart.getStyler().setXAxisMax(1.5);
            chart.getStyler().setMarkerSize(3);
            panels.add(chart);
        }

        double[] x = new double[factors.length];
        double[] mean = new double[factors.length];
        double[] std = new double[factors.length];
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < factors.length; k++) {
            int kk = k;
            double[] share = each.stream().mapToDouble(r -> SpectrumStatistics.originBinFraction(r.eigenRe()[kk], r.eigenIm()[kk], bin))
                    .toArray();
            double[] disc = each.stream().mapToDouble(r -> SpectrumStatistics.discFraction(r.eigenRe()[kk], r.eigenIm()[kk], 0.05))
                    .toArray();
            SummaryRow row = SummaryRow.seeds("origin_bin/factors=" + factors[k], share);
            summary.add(row);
            summary.add(SummaryRow.seeds("disc_0.05/factors=" + factors[k], disc));
            double law = GinibreProductLaw.squareFraction(factors[k], bin / 2);
            summary.add(SummaryRow.exact("law_origin_bin/factors=" + factors[k], law));
            x[k] = factors[k];
            mean[k] = row.mean();
            std[k] = row.std();
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%d factors: %.1f%% ± %.1f%% (law %.1f%%)",
                    factors[k], 100 * row.mean(), 100 * row.std(), 100 * law));
        }
        int points = 200;
        double[] m = new double[points];
        double[] law = new double[points];
        for (int i = 0; i < points; i++) {
            m[i] = Math.pow(120, i / (points - 1.0));
            law[i] = GinibreProductLaw.squareFraction(m[i], bin / 2);
        }
        LineFigure shares = LineFigure.titled("Share of eigenvalues in the origin bin").axes("factors N_l − 1", "share")
                .logX().size(520, 480).yRange(0, 1.05).legend(Styler.LegendPosition.InsideSE)
                .errorBars(String.format(Locale.ROOT, "N = %d, mean ± std over %d realisations", settings.width(), each.size()),
                        x, mean, std)
                .line("large-N law (Burda et al.)", m, law, LineFigure.Style.DASHED);
        for (double p : PAPER_SHARES) {
            shares.line(String.format(Locale.ROOT, "paper: %.0f%%", 100 * p), new double[] {1, 120}, new double[] {p, p},
                    LineFigure.Style.DOTTED);
        }
        panels.add(shares.chart());
        return new FigureResult(name(), "Fig. 6C: eigenvalues of products of scaled Gaussian matrices",
                "The eigenvalues of the products concentrate at the origin with depth, a sign of strong non-normality: the "
                        + "origin bin holds 32% and 94% of them in the paper's middle and right panels.",
                String.format(Locale.ROOT, "N = %d, %d realisations; share of eigenvalues in the origin bin (|Re λ|, |Im λ| < %.2f): %s.",
                        settings.width(), each.size(), bin / 2, seen),
                new Figure(panels, 2), data, summary);
    }
}
