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
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.SpectraFigures;
import org.theorycheck.theories.deeplinear.spectra.SpectraPredictions;
import org.theorycheck.theories.deeplinear.spectra.SpectraSettings;
import org.theorycheck.theories.deeplinear.spectra.SpectrumStatistics;
import org.theorycheck.theories.deeplinear.spectra.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 6B: the singular values of products W_Tot (eq 19) of N_l − 1 i.i.d. N × N Gaussian matrices of
 * variance 1/N, for 1, 2, 4, 8 and 16 factors, on a linear scale (left, as the paper draws them) and in decades
 * (right). The paper's depths are not given; past some 30 factors at N = 1000 the small singular values fall
 * below what double precision resolves. Quick: N = 200, 20 realisations; full: the paper's N = 1000 with 20
 * realisations (the paper pools 500, some 8 core-hours here).
 */
final class Fig6bSingularValues implements FigureRecipe {

    static final int[] FACTORS = {1, 2, 4, 8, 16};
    static final int BINS = 60;

    static SpectraSettings settings(Budget budget) {
        return new SpectraSettings(Ensemble.GAUSSIAN, budget == Budget.FULL ? 1000 : 200, FACTORS, 20);
    }

    @Override
    public String name() {
        return "fig6b";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        SpectraSettings settings = settings(budget);
        List<ProductSpectra.Realisation> each = ProductRuns.run(engine, settings, true, false, "fig6b realisations", progress);
        ProductSpectra spectra = ProductSpectra.pool(settings, each);
        Table linear = SpectraFigures.singularValueHistogram(spectra, BINS);
        Table decades = SpectraFigures.logSingularValueHistogram(spectra, BINS);

        LineFigure left = LineFigure.titled("Singular values of Gaussian products").axes("σ", "density (per unit σ)")
                .logY().size(640, 480).legend(Styler.LegendPosition.InsideNE);
        LineFigure right = LineFigure.titled("The same, in decades").axes("log10 σ", "density (per decade)")
                .size(640, 480).legend(Styler.LegendPosition.InsideNW);
        DataTable data = new DataTable("factors", "scale", "bin_centre", "density");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < FACTORS.length; k++) {
            String column = "density_" + FACTORS[k];
            String label = FACTORS[k] + (FACTORS[k] == 1 ? " matrix" : " matrices");
            left.line(label, linear.column("sigma"), linear.column(column), LineFigure.Style.STEP);
            right.line(label, decades.column("log10_sigma"), decades.column(column), LineFigure.Style.STEP);
            for (int b = 0; b < BINS; b++) {
                data.row(FACTORS[k], "linear", linear.column("sigma")[b], linear.column(column)[b]);
            }
            for (int b = 0; b < BINS; b++) {
                data.row(FACTORS[k], "log10", decades.column("log10_sigma")[b], decades.column(column)[b]);
            }
            int kk = k;
            double[] spread = each.stream().mapToDouble(r -> SpectrumStatistics.spread(r.singularValues()[kk])).toArray();
            double[] small = each.stream().mapToDouble(r -> below(r.singularValues()[kk], 0.1)).toArray();
            double[] largest = each.stream().mapToDouble(r -> r.singularValues()[kk][0]).toArray();
            SummaryRow spreadRow = SummaryRow.seeds("spread_s90_over_s10/factors=" + FACTORS[k], spread);
            SummaryRow smallRow = SummaryRow.seeds("fraction_below_0.1/factors=" + FACTORS[k], small);
            SummaryRow largestRow = SummaryRow.seeds("largest/factors=" + FACTORS[k], largest);
            summary.add(spreadRow);
            summary.add(smallRow);
            summary.add(largestRow);
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%d factors: σ90/σ10 = %.3g, %.1f%% of σ below 0.1, largest σ %.3g", FACTORS[k], spreadRow.mean(),
                    100 * smallRow.mean(), largestRow.mean()));
        }
        XYChart rightChart = right.chart();
        double[] centres = decades.column("log10_sigma");
        double half = (centres[1] - centres[0]) / 2;
        rightChart.getStyler().setXAxisMin(Math.floor(centres[0] - half));
        rightChart.getStyler().setXAxisMax(Math.ceil(centres[centres.length - 1] + half));
        String growth = SpectraPredictions.anisotropyGrowth(spectra).text();
        return new FigureResult(name(), "Fig. 6B: singular values of products of scaled Gaussian matrices",
                "Products of scaled Gaussian matrices, norm-preserving on average, become highly kurtotic with depth: most "
                        + "singular values approach 0 while a long tail stays large (a product of orthogonal matrices keeps every "
                        + "singular value at 1).",
                String.format(Locale.ROOT, "N = %d, %d realisations (means over realisations): %s. Prediction 21: %s. Singular "
                                + "values below N ε σ_max (about %.0e here) are round-off, not the product's.", settings.width(),
                        settings.realisations(), seen, growth, settings.width() * Math.ulp(1.0) * Arrays.stream(spectra
                                .singularValues()[FACTORS.length - 1]).max().orElseThrow()),
                new Figure(List.of(left.chart(), rightChart), 2), data, summary);
    }

    private static double below(double[] values, double level) {
        int n = 0;
        for (double v : values) {
            n += v < level ? 1 : 0;
        }
        return (double) n / values.length;
    }
}
