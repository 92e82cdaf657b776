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
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.mnist.DepthScan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Paper Fig 4 (App. C; prediction 19): on MNIST from a decoupled start with u0 = 0.001, the learning time at
 * the fastest rate of the grid against depth (left), and that fastest rate against depth (right) beside eq 41's
 * 2/λ1(a_opt) for the top mode (the largest rate at which gd is stable at the top mode's optimum) and a line ∝ 1/N_l. The setting, scaled to this machine, is {@link MnistScans}'s.
 */
final class Fig4LearningTimeVsDepth implements FigureRecipe {

    private final MnistScans scans;

    Fig4LearningTimeVsDepth(MnistScans scans) {
        this.scans = scans;
    }

    @Override
    public String name() {
        return "fig4";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        MnistScans.Prepared p = scans.prepare(budget);
        List<DepthScan.Point> points = scans.scan(engine, budget, Map.of(MnistScans.Start.DECOUPLED, p.setting().depths()),
                "fig4 depths", progress).get(MnistScans.Start.DECOUPLED);
        double s1 = p.singularValues()[0];
        DepthScan.Trend trend = DepthScan.trend(points, s1);

        DataTable data = new DataTable("depth", "rate", "iterations");
        List<SummaryRow> summary = new ArrayList<>();
        for (DepthScan.Point point : points) {
            for (int i = 0; i < point.rates().length; i++) {
                data.row(point.depth(), point.rates()[i], point.outcomes()[i]);
            }
            summary.add(SummaryRow.exact("iterations/depth=" + point.depth(), point.iterations()));
            summary.add(SummaryRow.exact("fastest_rate/depth=" + point.depth(), point.learned() ? point.bestRate() : Double.NaN));
        }
        summary.add(SummaryRow.exact("rate_slope", trend.rateSlope()));
        summary.add(SummaryRow.exact("rate_slope_eq41", trend.eq41Slope()));
        summary.add(SummaryRow.exact("time_slope_deeper_half", trend.timeSlope()));

        XYChart left = learningTime(points);
        XYChart right = fastestRate(points, s1);
        String observed = String.format(Locale.ROOT, "%s. Iterations at the fastest rate by depth: %s. Over the deeper half "
                        + "(depths %s) ln(iterations) grows with ln N_l at slope %.2f (0 = saturated, 1 = proportional to depth). "
                        + "The fastest rate falls with slope %.2f in log–log over depths %s; eq 41 with s_1 = %.3g predicts %.2f over "
                        + "the same depths, and the paper's O(1/N_l) -1%s.",
                p.setting().describe(), DepthScan.describe(points), Arrays.toString(trend.timeDepths()),
                trend.timeSlope(), trend.rateSlope(), Arrays.toString(trend.rateDepths()), s1, trend.eq41Slope(),
                trend.why().isEmpty() ? "" : " (" + trend.why() + ")");
        return new FigureResult(name(), "Fig. 4: learning time and fastest rate against depth on MNIST (decoupled start, u0 = 0.001)",
                "With a decoupled start of strength u0 = 0.001 and the best rate of a grid at each depth, learning times "
                        + "saturate with depth (deep networks incur only a finite delay, App. B.1), and the best rates scale as "
                        + "O(1/N_l) (App. B, eq 42).",
                observed, new Figure(List.of(left, right), 2), data, summary);
    }

    private static XYChart learningTime(List<DepthScan.Point> points) {
        double[][] xy = learned(points, p -> p.iterations());
        return LineFigure.titled("Learning time at the fastest rate")
                .axes("depth N_l", "iterations to the loss threshold").logX().size(640, 480)
                .legend(Styler.LegendPosition.InsideNW)
                .line("gd, decoupled start u0 = 0.001", xy[0], xy[1], LineFigure.Style.SOLID).chart();
    }

    private static XYChart fastestRate(List<DepthScan.Point> points, double s1) {
        double[][] xy = learned(points, DepthScan.Point::bestRate);
        double[] depth = points.stream().mapToDouble(DepthScan.Point::depth).toArray();
        double[] eq41 = new double[depth.length];
        for (int i = 0; i < depth.length; i++) {
            eq41[i] = 2 / ClosedForms.eq41(s1, (int) depth[i], 1);
        }
        LineFigure f = LineFigure.titled("Fastest rate of the grid")
                .axes("depth N_l", "rate λ").logX().logY().size(640, 480).legend(Styler.LegendPosition.InsideNE)
                .line("fastest rate (gd)", xy[0], xy[1], LineFigure.Style.POINTS)
                .line("2/λ1(a_opt), eq 41: the top mode's stability limit", depth, eq41, LineFigure.Style.DASHED);
        if (xy[0].length > 0) {
            int last = xy[0].length - 1;
            double c = xy[1][last] * xy[0][last];
            double[] inverse = new double[depth.length];
            for (int i = 0; i < depth.length; i++) {
                inverse[i] = c / depth[i];
            }
            f.line("∝ 1/N_l (through the deepest point)", depth, inverse, LineFigure.Style.DOTTED);
        }
        return f.chart();
    }

    /** {depths, values} of the depths where a rate learned. */
    private static double[][] learned(List<DepthScan.Point> points, ToDoubleFunction<DepthScan.Point> value) {
        List<DepthScan.Point> ok = points.stream().filter(DepthScan.Point::learned).toList();
        return new double[][] {ok.stream().mapToDouble(DepthScan.Point::depth).toArray(), ok.stream().mapToDouble(value).toArray()};
    }
}
