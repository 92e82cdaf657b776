package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.theories.scansnap.report.KeyLabels;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.experiment.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Paper Fig. 6 from a sweep's summary.csv: one panel per value of a panel key, a metric's mean ± std
 * against an x key, one curve per value of a curve key. Any swept keys can play the three parts; every
 * other swept key must be fixed by a {@code where} filter, so that each point is exactly one cell.
 */
public final class SweepPanels {

    /**
     * What to plot.
     *
     * @param panelKey   one panel per value, e.g. {@code data.queries}
     * @param xKey       the x axis, e.g. {@code train.eta_ratio}
     * @param curveKey   one curve per value, e.g. {@code train.eta_z}
     * @param meanColumn the plotted mean, e.g. {@code distinct_entropy_mean}
     * @param stdColumn  its standard deviation (the error bar), or null for none
     * @param where      fixed values of other columns; rows that differ are left out
     */
    public record Spec(String panelKey, String xKey, String curveKey, String meanColumn, String stdColumn,
                       Map<String, String> where) {
        public Spec {
            where = Map.copyOf(where);
        }

        /** Fig. 6: distinct-token entropy vs η_Y/η_Z, one panel per Q, one curve per η_Z. */
        public static Spec paperFig6() {
            return new Spec("data.queries", "train.eta_ratio", "train.eta_z", "distinct_entropy_mean",
                    "distinct_entropy_std", Map.of());
        }
    }

    /** One curve: its points sorted by x. */
    record Curve(String value, double[] x, double[] mean, double[] std) {}

    record Panel(String value, List<Curve> curves) {}

    private SweepPanels() {}

    /** Titles a panel "Q/K = q/(q·R)", as the paper does (K = Q·R). */
    public static Function<String, String> queriesTitle(int nextPerQuery) {
        return q -> {
            double v = Double.parseDouble(q);
            return "Q/K = " + q + "/" + Trajectory.stepLabel(v * nextPerQuery);
        };
    }

    /** Titles a panel "symbol = value". */
    public static Function<String, String> keyTitle(String key) {
        return v -> KeyLabels.symbol(key) + " = " + v;
    }

    /** A panel or curve key that names no column: one panel, or one curve, for the whole sweep. */
    public static final String NONE = "none";

    static List<Panel> aggregate(CsvTable summary, Spec spec) {
        int panel = keyColumn(summary, spec.panelKey());
        int x = summary.column(spec.xKey());
        int curve = keyColumn(summary, spec.curveKey());
        int mean = summary.column(spec.meanColumn());
        int std = spec.stdColumn() == null ? -1 : summary.column(spec.stdColumn());
        Map<Integer, String> where = new LinkedHashMap<>();
        spec.where().forEach((k, v) -> where.put(summary.column(k), v));
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < summary.rows(); r++) {
            int row = r;
            if (where.entrySet().stream().allMatch(e -> same(summary.text(row, e.getKey()), e.getValue()))) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new ConfigException(summary.source(), 0, String.join(",", spec.where().keySet()),
                    "no row matches " + spec.where());
        }
        checkUnique(summary, spec, rows, panel, x, curve);
        List<Panel> panels = new ArrayList<>();
        for (String p : ordered(summary, rows, panel)) {
            List<Curve> curves = new ArrayList<>();
            for (String c : ordered(summary, rows, curve)) {
                List<Integer> cell = rows.stream().filter(r -> same(text(summary, r, panel), p)
                        && same(text(summary, r, curve), c)).sorted((a, b) -> Double.compare(summary.number(a, x),
                        summary.number(b, x))).toList();
                if (cell.isEmpty()) {
                    continue;
                }
                int n = cell.size();
                double[] xs = new double[n];
                double[] ms = new double[n];
                double[] ss = new double[n];
                for (int i = 0; i < n; i++) {
                    int r = cell.get(i);
                    xs[i] = summary.number(r, x);
                    ms[i] = summary.number(r, mean);
                    ss[i] = std < 0 ? Double.NaN : summary.number(r, std);
                }
                curves.add(new Curve(c, xs, ms, ss));
            }
            panels.add(new Panel(p, curves));
        }
        return panels;
    }

    /** Each (panel, curve, x) must name one row; otherwise another swept key varies and must be fixed. */
    private static void checkUnique(CsvTable summary, Spec spec, List<Integer> rows, int panel, int x, int curve) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r : rows) {
            String key = canonical(text(summary, r, panel)) + "\u0001" + canonical(text(summary, r, curve)) + "\u0001"
                    + summary.number(r, x);
            Integer first = seen.putIfAbsent(key, r);
            if (first != null) {
                List<String> differing = new ArrayList<>();
                for (int c = 0; c < summary.header().size(); c++) {
                    if (!summary.text(first, c).equals(summary.text(r, c)) && c != panel && c != x && c != curve) {
                        differing.add(summary.header().get(c));
                    }
                }
                String other = differing.isEmpty() ? "?" : differing.get(0);
                throw new ConfigException(summary.source(), summary.line(r), other, "lines " + summary.line(first)
                        + " and " + summary.line(r) + " give the same " + spec.panelKey() + ", " + spec.curveKey()
                        + " and " + spec.xKey() + " but differ in " + differing
                        + "; fix the other swept keys with --where " + other + "=VALUE");
            }
        }
    }

    private static List<String> ordered(CsvTable summary, List<Integer> rows, int column) {
        Set<String> values = new LinkedHashSet<>();
        for (int r : rows) {
            values.add(text(summary, r, column));
        }
        List<String> out = new ArrayList<>(values);
        if (out.stream().allMatch(SweepPanels::numeric)) {
            out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        return out;
    }

    private static int keyColumn(CsvTable summary, String key) {
        return key.equals(NONE) ? -1 : summary.column(key);
    }

    /** A row's value of a key column, "" for {@link #NONE}. */
    private static String text(CsvTable summary, int row, int column) {
        return column < 0 ? "" : summary.text(row, column);
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Values compare as numbers when both are numbers ("1" = "1.0"), else as text. */
    private static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String s) {
        String t = s.trim();
        return numeric(t) ? Double.toString(Double.parseDouble(t)) : t;
    }

    /**
     * The figure: panels two per row, shared y range, log x when asked.
     *
     * @param panelTitle e.g. {@link #queriesTitle(int)} or {@link #keyTitle(String)}
     */
    public static Figure figure(CsvTable summary, Spec spec, Function<String, String> panelTitle, boolean logX) {
        List<Panel> panels = aggregate(summary, spec);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int seeds = -1;
        for (Panel p : panels) {
            for (Curve c : p.curves()) {
                for (int i = 0; i < c.x().length; i++) {
                    double d = Double.isNaN(c.std()[i]) ? 0 : c.std()[i];
                    lo = Math.min(lo, c.mean()[i] - d);
                    hi = Math.max(hi, c.mean()[i] + d);
                }
            }
        }
        if (summary.hasColumn("n")) {
            double[] n = summary.numbers("n");
            seeds = (int) Arrays.stream(n).min().orElse(-1);
        }
        double pad = hi > lo ? hi - lo : 1;
        String yTitle = KeyLabels.axisTitle(spec.meanColumn()) + (spec.stdColumn() == null ? ""
                : seeds > 0 ? ", mean ± std (" + seeds + " seeds)" : ", mean ± std");
        // A log axis labels decades only; naming the grid tells the reader where the points are.
        String grid = panels.stream().flatMap(p -> p.curves().stream()).flatMapToDouble(c -> Arrays.stream(c.x()))
                .distinct().sorted().mapToObj(Trajectory::stepLabel).collect(Collectors.joining(", "));
        String xTitle = KeyLabels.axisTitle(spec.xKey()) + (logX ? " (log scale; grid " + grid + ")" : "");
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            LineFigure f = LineFigure.titled(panelTitle.apply(p.value())).axes(xTitle, yTitle).size(600, 470)
                    .legend(Styler.LegendPosition.OutsideS).yRange(lo - 0.05 * pad, hi + 0.05 * pad);
            if (logX) {
                f.logX();
            }
            for (Curve c : p.curves()) {
                String label = spec.curveKey().equals(NONE) ? KeyLabels.axisTitle(spec.meanColumn())
                        : KeyLabels.symbol(spec.curveKey()) + " = " + c.value();
                if (spec.stdColumn() == null) {
                    f.line(label, c.x(), c.mean(), LineFigure.Style.SOLID);
                } else {
                    f.errorBars(label, c.x(), c.mean(), c.std());
                }
            }
            charts.add(f.chart());
        }
        return new Figure(charts, 2);
    }
}
