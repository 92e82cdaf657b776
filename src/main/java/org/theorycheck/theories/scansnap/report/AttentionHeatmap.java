package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.ChartStyle;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Paper Fig. 4: the attention c_{l|n} of each class n as a heat map — rows are steps (earliest at
 * the top), columns are the class's support tokens, common tokens first (by index), then its distinct
 * tokens by ascending P(l|n), with an empty column between the two blocks. All panels share one
 * colour scale from 0 to the largest c shown, so they can be compared by eye.
 */
public final class AttentionHeatmap {

    /** The rows of paper Fig. 4 before the final step. */
    public static final List<Double> PAPER_STEPS = List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);

    private static final int PANEL_WIDTH = 600;
    private static final int PANEL_HEIGHT = 400;
    private static final int TEXT_PANEL = 460;
    private static final Color[] SCALE = { // viridis, sampled at five stops
            new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xFDE725)};

    private AttentionHeatmap() {}

    /**
     * The data of one panel.
     *
     * @param nextToken class n
     * @param steps     the row steps, top to bottom (recorded steps, see {@link #rowSteps})
     * @param tokens    the column tokens l, common block then distinct block
     * @param distinct  per column, whether the token is distinct
     * @param c         {@code c[row][column]} = c_{l|n} at that step
     */
    record Panel(int nextToken, double[] steps, int[] tokens, boolean[] distinct, double[][] c) {}

    /**
     * The row steps: each requested step replaced by the nearest recorded one, then the final step,
     * without repeats, so a run recorded every 5 steps still gets a readable figure.
     */
    static double[] rowSteps(AttentionTable table, List<Double> requested) {
        Set<Double> steps = new LinkedHashSet<>();
        for (double s : requested) {
            steps.add(table.nearestStep(s));
        }
        steps.add(table.finalStep());
        return steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static List<Panel> panels(AttentionTable table, List<Double> requested) {
        double[] steps = rowSteps(table, requested);
        List<Panel> panels = new ArrayList<>();
        for (int n : table.classes()) {
            List<AttentionTable.Entry> columns = new ArrayList<>(table.at(steps[0], n));
            columns.sort(Comparator.comparing(AttentionTable.Entry::distinct)
                    .thenComparingDouble(e -> e.distinct() ? e.p() : 0)
                    .thenComparingInt(AttentionTable.Entry::token));
            int[] tokens = columns.stream().mapToInt(AttentionTable.Entry::token).toArray();
            boolean[] distinct = new boolean[tokens.length];
            for (int j = 0; j < tokens.length; j++) {
                distinct[j] = columns.get(j).distinct();
            }
            double[][] c = new double[steps.length][tokens.length];
            for (int i = 0; i < steps.length; i++) {
                List<AttentionTable.Entry> row = table.at(steps[i], n);
                for (int j = 0; j < tokens.length; j++) {
                    int token = tokens[j];
                    c[i][j] = row.stream().filter(e -> e.token() == token).mapToDouble(AttentionTable.Entry::c)
                            .findFirst().orElse(Double.NaN);
                }
            }
            panels.add(new Panel(n, steps, tokens, distinct, c));
        }
        return panels;
    }

    /** The figure: one panel per class, two per row. */
    public static Figure figure(AttentionTable table, List<Double> steps, String title) {
        List<Panel> panels = panels(table, steps);
        double max = 0;
        boolean determined = false;
        for (Panel p : panels) {
            for (double[] row : p.c()) {
                for (double v : row) {
                    determined |= !Double.isNaN(v);
                    if (v > max) {
                        max = v;
                    }
                }
            }
        }
        if (!determined) {
            throw new ConfigException(table.source(), 0, "c", "no attention c is determined at these steps (the rung "
                    + "that wrote the file, like the closed forms, leaves it empty); draw another rung's attention.csv");
        }
        // A round upper end keeps the colour-bar label short; all panels share it.
        max = Math.ceil(max * 20) / 20;
        List<HeatMapChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(chart(p, title, max));
        }
        return new Figure(charts, 2);
    }

    private static HeatMapChart chart(Panel p, String title, double max) {
        String heading = (title == null || title.isBlank() ? "" : title + "  ·  ") + "class n = " + p.nextToken()
                + "  ·  attention c(l|n)";
        HeatMapChart chart = styled(new HeatMapChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(heading)
                .xAxisTitle("support token l:  common  |  distinct (P(l|n) ascending)").yAxisTitle("step").build(), max);
        HeatMapStyler s = chart.getStyler();

        List<String> columns = new ArrayList<>();
        List<Integer> columnOf = new ArrayList<>();
        for (int j = 0; j < p.tokens().length; j++) {
            if (j > 0 && p.distinct()[j] && !p.distinct()[j - 1]) {
                columns.add(" ");
                columnOf.add(-1);
            }
            columns.add(Integer.toString(p.tokens()[j]));
            columnOf.add(j);
        }
        int rows = p.steps().length;
        List<String> rowLabels = new ArrayList<>();
        for (int i = rows - 1; i >= 0; i--) {
            rowLabels.add(Trajectory.stepLabel(p.steps()[i]) + (i == rows - 1 ? " (final)" : ""));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < columns.size(); x++) {
            int j = columnOf.get(x);
            if (j < 0) {
                continue;
            }
            for (int i = 0; i < rows; i++) {
                double v = p.c()[i][j];
                if (!Double.isNaN(v)) {
                    cells.add(new Number[]{x, rows - 1 - i, v});
                }
            }
        }
        // Upright labels collide once they are wider than a cell; then they are turned on end.
        int longest = columns.stream().mapToInt(String::length).max().orElse(1);
        double cell = (PANEL_WIDTH - 240.0) / columns.size();
        if (longest * 9 + 2 > cell) {
            s.setXAxisLabelRotation(90);
        }
        chart.addSeries("c", columns, rowLabels, cells);
        return chart;
    }

    /**
     * Paper Fig. 7's panel: a causal attention map on real text, {@code map[i·size + j]} the attention of
     * query position i (a row, the first at the top) on key position j (a column), on the colour scale
     * 0 to {@code max} shared by a figure's panels.
     */
    public static HeatMapChart textMap(double[] map, int size, String title, double max) {
        HeatMapChart chart = styled(new HeatMapChartBuilder().width(TEXT_PANEL).height(TEXT_PANEL).title(title)
                .xAxisTitle("key position").yAxisTitle("query position").build(), max);
        List<Integer> columns = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            columns.add(i);
            rows.add(size - 1 - i);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                cells.add(new Number[] {j, size - 1 - i, map[i * size + j]});
            }
        }
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("attention", columns, rows, cells);
        return chart;
    }

    private static HeatMapChart styled(HeatMapChart chart, double max) {
        HeatMapStyler s = chart.getStyler();
        ChartStyle.apply(s);
        s.setRangeColors(SCALE);
        s.setMin(0);
        s.setMax(max);
        s.setDrawBorder(false);
        s.setShowValue(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setPlotGridLinesVisible(false);
        s.setAxisTickLabelsFont(ChartStyle.TICKS.deriveFont(12f));
        return chart;
    }
}
