package org.theorycheck.core.report;

import org.knowm.xchart.style.AxesChartStyler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one look of every figure: fonts large enough to read when a figure is shrunk into a page, a
 * colour-blind-safe palette (Okabe–Ito), light grid lines, legends inside the plot.
 */
public final class ChartStyle {

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.ITALIC, 13);

    /** Okabe–Ito, black moved last so that the first series are coloured. */
    public static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    public static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[]{9f, 6f}, 0f);
    public static final BasicStroke DOTTED = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[]{1.5f, 5f}, 0f);

    private ChartStyle() {}

    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** The same hue, mostly transparent: the fill of a ± std band under its mean line. */
    public static Color band(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 56);
    }

    /**
     * A tick label: the shortest plain decimal for ordinary magnitudes (XChart's default pattern prints
     * ".08" and drifts with floating-point noise), scientific notation for very large or small ones.
     */
    public static String tick(double v) {
        if (v == 0 || Math.abs(v) < 1e-12) {
            return "0";
        }
        if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v).replaceFirst("\\.?0+e", "e");
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    public static void apply(AxesChartStyler s) {
        s.setChartTitleFont(TITLE);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(LEGEND);
        s.setAnnotationTextFont(ANNOTATION);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x555555));
        s.setPlotGridLinesColor(new Color(0xE3E3E3));
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setSeriesColors(PALETTE);
        s.setChartPadding(12);
        s.setAxisTitlePadding(8);
        s.setToolTipsEnabled(false);
    }
}
