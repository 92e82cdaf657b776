package org.theorycheck.theories.deeplinear.figures;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.ChartStyle;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.theories.deeplinear.closedform.ScalarModes;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.network.Gradient;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Statistics;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig 2: the phase portrait of eq 8 for τ = 1, s = 1 — its vector field, the manifold of fixed points
 * ab = s, the stable manifold a = −b of the saddle at the origin — with trajectories of the gradient flow of
 * eq 2 for a network of one unit per layer (a = W21, b = W32): the flow rung's equation, with its right-hand
 * side from the theory's eq 13 kernel ({@link Gradient}) and the core's Dormand–Prince at the rung tolerance,
 * drawn in the (a, b) plane, which the rung's trace (u = ab) does not give. Deterministic: the budget changes
 * nothing.
 */
final class Fig2PhasePortrait implements FigureRecipe {

    /** The singular value (and τ = 1, time in units of τ). */
    static final double S = 1;
    /** Half-width of the square drawn. */
    static final double EXTENT = 2;
    /** How long each trajectory runs, in units of τ. */
    static final double DURATION = 10;
    /** The starts (a0, b0): near the origin; near the stable manifold; ab &lt; 0 with |b| > |a|; above ab = s. */
    static final double[][] STARTS = {{0.02, 0.005}, {1.8, -1.6}, {-0.5, 1.9}, {2, 1.5}};

    private static final String FIELD = "eq 8, direction";
    private static final String FIXED = "fixed points ab = s";
    private static final String STABLE = "stable manifold a = −b";

    @Override
    public String name() {
        return "fig2";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        int samples = 401;
        double[] times = new double[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = DURATION * i / (samples - 1);
        }
        LineFigure f = LineFigure.titled("Eq 8 (τ = 1, s = 1) and trajectories of the flow, eq 2")
                .axes("a", "b").size(980, 700).yRange(-EXTENT, EXTENT).legend(Styler.LegendPosition.OutsideE);
        double[][] field = vectorField();
        f.line(FIELD, field[0], field[1], LineFigure.Style.SOLID);
        double[][] fixed = fixedManifold();
        f.line(FIXED, fixed[0], fixed[1], LineFigure.Style.DASHED);
        f.line(STABLE, new double[] {-EXTENT, EXTENT}, new double[] {EXTENT, -EXTENT}, LineFigure.Style.DOTTED);
        List<String> trajectories = new ArrayList<>();
        DataTable data = new DataTable("trajectory", "t", "a", "b");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < STARTS.length; k++) {
            double a0 = STARTS[k][0];
            double b0 = STARTS[k][1];
            double[][] ab = trajectory(a0, b0, times);
            String label = String.format(Locale.ROOT, "from (%s, %s)", ChartStyle.tick(a0), ChartStyle.tick(b0));
            f.line(label, ab[0], ab[1], LineFigure.Style.SOLID);
            trajectories.add(label);
            double drift = 0;
            for (int i = 0; i < samples; i++) {
                data.row(k + 1, times[i], ab[0][i], ab[1][i]);
                drift = Math.max(drift, Math.abs(ab[0][i] * ab[0][i] - ab[1][i] * ab[1][i] - (a0 * a0 - b0 * b0)));
            }
            double a = ab[0][samples - 1];
            double b = ab[1][samples - 1];
            String key = "start=" + (k + 1);
            summary.add(SummaryRow.exact("a_end/" + key, a));
            summary.add(SummaryRow.exact("b_end/" + key, b));
            summary.add(SummaryRow.exact("ab_end/" + key, a * b));
            summary.add(SummaryRow.exact("max_drift_a2_minus_b2/" + key, drift));
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "from (%s, %s) the flow ends at (%.4f, %.4f), ab = %.6f, with a² − b² = %.4f kept to %.1e", ChartStyle.tick(a0), ChartStyle.tick(b0), a, b,
                    a * b, a0 * a0 - b0 * b0, drift));
        }
        XYChart chart = f.chart();
        // The portrait in greys and black under the trajectories, which take the palette's first colours.
        chart.getSeriesMap().get(FIELD).setLineColor(new Color(0xA0A0A0));
        chart.getSeriesMap().get(FIXED).setLineColor(Color.BLACK);
        chart.getSeriesMap().get(STABLE).setLineColor(new Color(0x555555));
        for (int k = 0; k < trajectories.size(); k++) {
            chart.getSeriesMap().get(trajectories.get(k)).setLineColor(ChartStyle.colour(k));
        }
        chart.getStyler().setXAxisMin(-EXTENT);
        chart.getStyler().setXAxisMax(EXTENT);
        return new FigureResult(name(), "Fig. 2: phase portrait of eq 8 with trajectories of the gradient flow",
                "Trajectories move along hyperbolas of constant a² − b² (a conserved quantity of eq 8) until they reach the "
                        + "manifold of fixed points ab = s; the origin is a saddle whose stable manifold is a = −b.",
                "At t = " + DURATION + " τ: " + seen + " (the conserved quantity's drift is the integrator's error).",
                new Figure(List.of(chart), 1), data, summary);
    }

    /**
     * (a(t), b(t)) of the gradient flow of eq 2 for the 1–1–1 network on Σ11 = 1, Σ31 = s, τ = 1, at each time
     * of {@code times} (ascending, from 0).
     */
    static double[][] trajectory(double a0, double b0, double[] times) {
        Network network = new Network(new int[] {1, 1, 1});
        Statistics stats = new Statistics(Matrix.identity(1), new Matrix(1, 1, new double[] {S}), true);
        Gradient gradient = new Gradient(network, stats);
        double[][] g = gradient.newWeightArrays();
        OrdinaryDifferentialEquation eq2 = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                gradient.compute(new double[][] {{y[0]}, {y[1]}}, g);
                return new double[] {g[0][0], g[1][0]};
            }
        };
        double[][] out = new double[2][times.length];
        int[] next = {0};
        ODEIntegrator integrator = Integrators.dormandPrince(times[times.length - 1], Integrators.RUNG_TOLERANCE);
        integrator.addStepHandler(new GridSampler(times, (t, y) -> {
            out[0][next[0]] = y[0];
            out[1][next[0]++] = y[1];
        }));
        integrator.integrate(eq2, new ODEState(0, new double[] {a0, b0}), times[times.length - 1]);
        return out;
    }

    /** Short arrows of unit direction on a 13 × 13 grid, each a shaft and two barbs, separated by NaN gaps. */
    private static double[][] vectorField() {
        int n = 13;
        double length = 0.11;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = -EXTENT + 2 * EXTENT * (i + 0.5) / n;
                double b = -EXTENT + 2 * EXTENT * (j + 0.5) / n;
                double[] v = ScalarModes.eq8(a, b, S);
                double norm = Math.hypot(v[0], v[1]);
                if (norm < 1e-12) {
                    continue;
                }
                double dx = length * v[0] / norm;
                double dy = length * v[1] / norm;
                double tipX = a + dx / 2;
                double tipY = b + dy / 2;
                points.add(new double[] {a - dx / 2, b - dy / 2});
                points.add(new double[] {tipX, tipY});
                points.add(new double[] {tipX - 0.4 * dx + 0.25 * dy, tipY - 0.4 * dy - 0.25 * dx});
                points.add(new double[] {tipX, Double.NaN});
                points.add(new double[] {tipX, tipY});
                points.add(new double[] {tipX - 0.4 * dx - 0.25 * dy, tipY - 0.4 * dy + 0.25 * dx});
                points.add(new double[] {tipX, Double.NaN});
            }
        }
        return columns(points);
    }

    /** The two branches of ab = s inside the square, separated by a NaN gap. */
    private static double[][] fixedManifold() {
        List<double[]> points = new ArrayList<>();
        int n = 200;
        for (int sign : new int[] {1, -1}) {
            double lo = S / EXTENT;
            for (int i = 0; i < n; i++) {
                double a = lo + (EXTENT - lo) * i / (n - 1);
                points.add(new double[] {sign * a, sign * S / a});
            }
            points.add(new double[] {sign * EXTENT, Double.NaN});
        }
        return columns(points);
    }

    private static double[][] columns(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }
}
