package org.theorycheck.core.report;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.theorycheck.core.stats.Stats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart built series by series: closed-form curves, staircases, the mean ± std band of several
 * seeds, error bars, and labelled vertical markers (snap times t0). Theory and SGD go on the same
 * axes, each series in its own colour, the band in a translucent tint of its mean line.
 *
 * <p>On a logarithmic axis, points with a non-positive coordinate are left out (a log axis cannot
 * show step 0). A NaN y value leaves a gap. Mutable while being built; {@link #chart()} may be called
 * once the series are in.
 */
public final class LineFigure {

    /** How a series is drawn. {@code STEP} holds each value until the next x (a discrete-time recursion). */
    public enum Style { SOLID, DASHED, DOTTED, STEP, POINTS }

    private record Series(String label, double[] x, double[] y, double[] spread, boolean band, Style style,
                          Color colour) {}

    private record Marker(double x, String text, Color colour) {}

    private final String title;
    private String xTitle = "step";
    private String yTitle = "";
    private boolean logX;
    private boolean logY;
    private int width = 800;
    private int height = 520;
    private Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private int colours;

    private LineFigure(String title) {
        this.title = title;
    }

    public static LineFigure titled(String title) {
        return new LineFigure(title);
    }

    /** Axis titles; name the unit, e.g. {@code "step (SGD updates)"}, {@code "entropy (nats)"}. */
    public LineFigure axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    public LineFigure logX() {
        this.logX = true;
        return this;
    }

    public LineFigure logY() {
        this.logY = true;
        return this;
    }

    /** Size in nominal pixels (PNGs are written at {@link Figure#PNG_SCALE} times that). */
    public LineFigure size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public LineFigure legend(Styler.LegendPosition position) {
        this.legend = position;
        return this;
    }

    /** Fixes the y range, e.g. to share it between panels. */
    public LineFigure yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public LineFigure line(String label, double[] x, double[] y) {
        return line(label, x, y, Style.SOLID);
    }

    public LineFigure line(String label, double[] x, double[] y, Style style) {
        return add(label, x, y, null, false, style);
    }

    /**
     * A line in the colour of an existing series, e.g. the smooth h(t) dashed over the staircase h*(s)
     * of the same η_Y.
     */
    public LineFigure line(String label, double[] x, double[] y, Style style, String colourOf) {
        Color colour = colourOf(colourOf);
        add(label, x, y, null, false, style);
        Series last = series.remove(series.size() - 1);
        series.add(new Series(last.label(), last.x(), last.y(), null, false, style, colour));
        colours--;
        return this;
    }

    private Color colourOf(String label) {
        return series.stream().filter(s -> s.label().equals(label)).map(Series::colour).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series labelled " + label));
    }

    /** A discrete-time series drawn as a staircase, e.g. Lemma 5's h*(s). */
    public LineFigure staircase(String label, double[] x, double[] y) {
        return line(label, x, y, Style.STEP);
    }

    /** A mean line with a translucent band from mean − std to mean + std (no band where std is NaN). */
    public LineFigure meanBand(String label, double[] x, double[] mean, double[] std) {
        return add(label, x, mean, std, true, Style.SOLID);
    }

    /**
     * Several runs sampled at the same x (e.g. SGD seeds): their mean with a ± sample-std band; the
     * legend says how many runs. A single run is drawn as a plain line.
     */
    public LineFigure runs(String label, double[] x, List<double[]> runs) {
        return runs(label, x, runs, Style.SOLID);
    }

    /** As {@link #runs(String, double[], List)}, the mean line drawn in {@code style}. */
    public LineFigure runs(String label, double[] x, List<double[]> runs, Style style) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs for " + label);
        }
        if (runs.size() == 1) {
            return line(label, x, runs.get(0), style);
        }
        double[][] stats = Stats.pointwiseMeanStd(runs);
        return add(label + " (mean ± std, " + runs.size() + " runs)", x, stats[0], stats[1], true, style);
    }

    /** Points joined by a line, each with an error bar of ± {@code std} (NaN std draws none). */
    public LineFigure errorBars(String label, double[] x, double[] mean, double[] std) {
        return add(label, x, mean, std, false, Style.SOLID);
    }

    /** A vertical dotted grey line at {@code x}, labelled to its right near the top. */
    public LineFigure marker(double x, String text) {
        markers.add(new Marker(x, text, Color.DARK_GRAY));
        return this;
    }

    /** A vertical dotted line in the colour of the series labelled {@code seriesLabel}, e.g. its snap time t0. */
    public LineFigure marker(double x, String text, String seriesLabel) {
        markers.add(new Marker(x, text, colourOf(seriesLabel)));
        return this;
    }

    private LineFigure add(String label, double[] x, double[] y, double[] spread, boolean band, Style style) {
        if (x.length != y.length || spread != null && spread.length != x.length) {
            throw new IllegalArgumentException(label + ": x, y (and std) must have the same length, got "
                    + x.length + " and " + y.length);
        }
        if (series.stream().anyMatch(s -> s.label().equals(label))) {
            throw new IllegalArgumentException("two series are labelled " + label);
        }
        series.add(new Series(label, x.clone(), y.clone(), spread == null ? null : spread.clone(), band, style,
                ChartStyle.colour(colours++)));
        return this;
    }

    private boolean shown(double x, double y) {
        return Double.isFinite(x) && (!logX || x > 0) && (!logY || !(y <= 0));
    }

    /** The chart, built from the series added so far. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        ChartStyle.apply(s);
        s.setLegendPosition(legend);
        if (legend == Styler.LegendPosition.OutsideS) {
            s.setLegendLayout(Styler.LegendLayout.Horizontal);
        }
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
        if (!logX) {
            s.setxAxisTickLabelsFormattingFunction(ChartStyle::tick);
        }
        if (!logY) {
            s.setyAxisTickLabelsFormattingFunction(ChartStyle::tick);
        }
        s.setErrorBarsColorSeriesColor(true);
        s.setMarkerSize(8);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series ser : series) {
            for (int i = 0; i < ser.x().length; i++) {
                double d = ser.spread() == null || Double.isNaN(ser.spread()[i]) ? 0 : ser.spread()[i];
                if (shown(ser.x()[i], ser.y()[i]) && Double.isFinite(ser.y()[i])) {
                    lo = Math.min(lo, logY ? ser.y()[i] : ser.y()[i] - d);
                    hi = Math.max(hi, ser.y()[i] + d);
                }
            }
        }
        if (!Double.isNaN(yMin)) {
            lo = yMin;
            hi = yMax;
        } else if (lo <= hi && !logY) {
            // Head room above the data for the legend and the marker labels.
            double pad = hi > lo ? (hi - lo) : Math.max(Math.abs(hi), 1);
            lo -= 0.04 * pad;
            hi += (markers.isEmpty() ? 0.08 : 0.16) * pad;
        }
        if (lo <= hi) {
            s.setYAxisMin(lo);
            s.setYAxisMax(hi);
        }
        for (Series ser : series) {
            addSeries(chart, ser);
        }
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        for (Series ser : series) {
            for (int i = 0; i < ser.x().length; i++) {
                if (shown(ser.x()[i], ser.y()[i])) {
                    xLo = Math.min(xLo, ser.x()[i]);
                    xHi = Math.max(xHi, ser.x()[i]);
                }
            }
        }
        for (Marker m : markers) {
            if (shown(m.x(), 1)) {
                xLo = Math.min(xLo, m.x());
                xHi = Math.max(xHi, m.x());
            }
        }
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            if (!shown(m.x(), 1) || !(lo <= hi)) {
                continue;
            }
            XYSeries line = chart.addSeries("\u200Bmarker " + i, new double[]{m.x(), m.x()}, new double[]{lo, hi});
            line.setShowInLegend(false);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(m.colour());
            line.setLineStyle(ChartStyle.DOTTED);
            // Staggered heights keep the labels of nearby markers apart.
            double y = logY ? hi / Math.pow(1.25, 1 + i % 3) : hi - (0.035 + 0.045 * (i % 3)) * (hi - lo);
            chart.addAnnotation(new AnnotationText(m.text(), labelX(m, xLo, xHi), y, false));
        }
        return chart;
    }

    /**
     * Annotation text is centred on its x; shifting it by half its estimated width (plus a gap) puts
     * the label beside its line instead of across it.
     */
    private double labelX(Marker m, double xLo, double xHi) {
        double plotWidth = Math.max(100, width - 130);
        double pixels = 6 + 0.5 * m.text().length() * ChartStyle.ANNOTATION.getSize() * 0.55;
        if (!(xHi > xLo)) {
            return m.x();
        }
        if (logX) {
            return m.x() * Math.pow(xHi / xLo, pixels / plotWidth);
        }
        return m.x() + (xHi - xLo) * pixels / plotWidth;
    }

    private void addSeries(XYChart chart, Series ser) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        for (int i = 0; i < ser.x().length; i++) {
            if (shown(ser.x()[i], ser.y()[i])) {
                xs.add(ser.x()[i]);
                ys.add(ser.y()[i]);
                es.add(ser.spread() == null || Double.isNaN(ser.spread()[i]) ? 0.0 : ser.spread()[i]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        if (ser.band()) {
            addBand(chart, ser, xs, ys, es);
        }
        boolean bars = ser.spread() != null && !ser.band();
        XYSeries line = bars ? chart.addSeries(ser.label(), xs, ys, es) : chart.addSeries(ser.label(), xs, ys);
        line.setLineColor(ser.colour());
        line.setMarkerColor(ser.colour());
        line.setMarker(bars || ser.style() == Style.POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        switch (ser.style()) {
            case DASHED -> line.setLineStyle(ChartStyle.DASHED);
            case DOTTED -> line.setLineStyle(ChartStyle.DOTTED);
            case STEP -> {
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                line.setLineStyle(ChartStyle.SOLID);
            }
            case POINTS -> line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            case SOLID -> line.setLineStyle(ChartStyle.SOLID);
        }
    }

    private static void addBand(XYChart chart, Series ser, List<Double> xs, List<Double> ys, List<Double> es) {
        // A staircase holds each value until the next x; its band must hold too, or it cuts the corners.
        List<Double> bx = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (ser.style() == Style.STEP && i > 0) {
                bx.add(xs.get(i));
                hi.add(ys.get(i - 1) + es.get(i - 1));
                lo.add(ys.get(i - 1) - es.get(i - 1));
            }
            bx.add(xs.get(i));
            hi.add(ys.get(i) + es.get(i));
            lo.add(ys.get(i) - es.get(i));
        }
        int n = bx.size();
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = bx.get(i);
            py[i] = hi.get(i);
            px[2 * n - 1 - i] = bx.get(i);
            py[2 * n - 1 - i] = lo.get(i);
        }
        XYSeries band = chart.addSeries("\u200Bband " + ser.label(), px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(ChartStyle.band(ser.colour()));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setLineStyle(new BasicStroke(0f));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    public Figure figure() {
        return Figure.of(chart());
    }
}
