package org.theorycheck.theories.deeplinear.figures;

import org.apache.commons.rng.simple.RandomSource;
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
import org.theorycheck.theories.deeplinear.mnist.DepthScan;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.RandomMatrices;
import org.theorycheck.theories.deeplinear.spectra.SpectraPredictions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paper Fig 6A: on MNIST (the setting of Fig 4, {@link MnistScans}), the learning time at the fastest rate
 * against depth from a scaled Gaussian, a random orthogonal and a greedily pretrained start (left), their
 * fastest rates (middle), and the eigenvalues of one random 100 × 100 orthogonal matrix, on the unit circle
 * (right).
 */
final class Fig6aInitialisations implements FigureRecipe {

    /** N of the orthogonal matrix whose eigenvalues the right panel shows (the paper's). */
    static final int ORTHOGONAL_SIZE = 100;

    private static final List<MnistScans.Start> STARTS = List.of(MnistScans.Start.SCALED_GAUSSIAN,
            MnistScans.Start.ORTHOGONAL, MnistScans.Start.PRETRAINED);

    private final MnistScans scans;
    private final int deepest;

    Fig6aInitialisations(MnistScans scans) {
        this(scans, Integer.MAX_VALUE);
    }

    /** Scanning only the depths up to {@code deepest} (a part of the figure), for tests. */
    Fig6aInitialisations(MnistScans scans, int deepest) {
        this.scans = scans;
        this.deepest = deepest;
    }

    @Override
    public String name() {
        return "fig6a";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        MnistScans.Prepared p = scans.prepare(budget);
        MnistScans.Setting setting = p.setting();
        Map<MnistScans.Start, int[]> depths = new EnumMap<>(MnistScans.Start.class);
        depths.put(MnistScans.Start.SCALED_GAUSSIAN, MnistScans.upTo(setting, Math.min(deepest, budget == Budget.FULL
                ? MnistScans.GAUSSIAN_DEEPEST_FULL : MnistScans.GAUSSIAN_DEEPEST_QUICK)));
        depths.put(MnistScans.Start.ORTHOGONAL, MnistScans.upTo(setting, deepest));
        depths.put(MnistScans.Start.PRETRAINED, MnistScans.upTo(setting, deepest));
        Map<MnistScans.Start, List<DepthScan.Point>> points = scans.scan(engine, budget, depths, "fig6a depths", progress);

        DataTable data = new DataTable("panel", "start", "depth", "rate", "iterations", "re", "im");
        List<SummaryRow> summary = new ArrayList<>();
        LineFigure time = LineFigure.titled("Learning time at the fastest rate").axes("depth N_l", "iterations to the loss threshold")
                .logX().logY().size(600, 480).legend(Styler.LegendPosition.InsideSE);
        LineFigure rate = LineFigure.titled("Fastest rate of the grid").axes("depth N_l", "rate λ").logX().logY().size(600, 480)
                .legend(Styler.LegendPosition.InsideSW);
        StringBuilder seen = new StringBuilder(setting.describe()).append(". Iterations at the fastest rate by depth:");
        for (MnistScans.Start start : STARTS) {
            List<DepthScan.Point> scan = points.get(start);
            String key = start.name().toLowerCase(Locale.ROOT);
            List<DepthScan.Point> ok = scan.stream().filter(DepthScan.Point::learned).toList();
            double[] x = ok.stream().mapToDouble(DepthScan.Point::depth).toArray();
            time.line(start.label(), x, ok.stream().mapToDouble(DepthScan.Point::iterations).toArray(), LineFigure.Style.SOLID);
            rate.line(start.label(), x, ok.stream().mapToDouble(DepthScan.Point::bestRate).toArray(), LineFigure.Style.SOLID);
            double[] none = scan.stream().filter(q -> !q.learned()).mapToDouble(DepthScan.Point::depth).toArray();
            if (none.length > 0) {
                double[] ceiling = new double[none.length];
                Arrays.fill(ceiling, setting.maxIterations());
                time.line(start.label() + ": no rate within " + setting.maxIterations(), none, ceiling, LineFigure.Style.POINTS,
                        start.label());
            }
            for (DepthScan.Point point : scan) {
                for (int i = 0; i < point.rates().length; i++) {
                    data.row("learning_time", key, point.depth(), point.rates()[i], point.outcomes()[i], "", "");
                }
                summary.add(SummaryRow.exact("iterations/" + key + "/depth=" + point.depth(), point.iterations()));
                summary.add(SummaryRow.exact("fastest_rate/" + key + "/depth=" + point.depth(),
                        point.learned() ? point.bestRate() : Double.NaN));
            }
            seen.append(String.format(Locale.ROOT, " %s: %s;", start.label(), DepthScan.describe(scan)));
        }
        seen.append(String.format(Locale.ROOT, " (none: no rate reached the threshold within %d iterations; the scaled Gaussian "
                + "is scanned up to depth %d only).", setting.maxIterations(), depths.get(MnistScans.Start.SCALED_GAUSSIAN)[
                depths.get(MnistScans.Start.SCALED_GAUSSIAN).length - 1]));

        double[][] eig = ProductSpectra.eigenvalues(RandomMatrices.haarOrthogonal(ORTHOGONAL_SIZE,
                RandomSource.XO_RO_SHI_RO_128_PP.create(MnistScans.SEED)));
        double circle = SpectraPredictions.unitCircle(eig[0], eig[1]).deviation();
        summary.add(SummaryRow.exact("orthogonal_eigenvalues/max_abs_modulus_minus_1", circle));
        seen.append(String.format(Locale.ROOT, " Right: the %d eigenvalues of one random %d × %d orthogonal matrix; max ||λ| − 1| = %.2g.",
                ORTHOGONAL_SIZE, ORTHOGONAL_SIZE, ORTHOGONAL_SIZE, circle));
        for (int i = 0; i < eig[0].length; i++) {
            data.row("orthogonal_eigenvalues", "", "", "", "", eig[0][i], eig[1][i]);
        }
        return new FigureResult(name(), "Fig. 6A: learning time against depth from three starts on MNIST; eigenvalues of an orthogonal matrix",
                "From a scaled Gaussian start the learning time grows with depth; from random orthogonal and from greedily "
                        + "pretrained starts it is depth-independent, and the two curves are indistinguishable. The eigenvalues of a "
                        + "random orthogonal matrix lie on the unit circle.",
                seen.toString(), new Figure(List.of(time.chart(), rate.chart(), unitCircle(eig)), 3), data, summary);
    }

    private static XYChart unitCircle(double[][] eig) {
        double[][] circle = Charts.unitCircle();
        XYChart chart = LineFigure.titled("Eigenvalues of a random orthogonal matrix")
                .axes("Re λ", "Im λ").size(600, 480).yRange(-1.3, 1.3).legend(Styler.LegendPosition.InsideNE)
                .line("unit circle", circle[0], circle[1], LineFigure.Style.DOTTED)
                .line("eigenvalues (N = " + ORTHOGONAL_SIZE + ")", eig[0], eig[1], LineFigure.Style.POINTS).chart();
        chart.getStyler().setXAxisMin(-1.6);
        chart.getStyler().setXAxisMax(1.6);
        return chart;
    }
}
