package org.theorycheck.core.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.internal.chartpart.Chart;
import org.theorycheck.core.io.OutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A figure: one or more XChart panels of equal size laid out row by row in a grid. PNG and SVG are
 * painted by the same code, so the two files always show the same figure.
 *
 * @param panels  the charts, in reading order; each keeps its own width and height
 * @param columns panels per row
 */
public record Figure(List<? extends Chart<?, ?>> panels, int columns) {

    /** PNGs are painted at twice the nominal size so that they stay sharp on high-density screens and in print. */
    public static final double PNG_SCALE = 2.0;

    public Figure {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        columns = Math.min(columns, panels.size());
    }

    public static Figure of(Chart<?, ?> chart) {
        return new Figure(List.of(chart), 1);
    }

    /** The paths written by {@link #save(Path)}. */
    public record Written(Path png, Path svg) {}

    private int panelWidth() {
        return panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
    }

    private int panelHeight() {
        return panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
    }

    /** Width in nominal pixels (SVG user units). */
    public int width() {
        return columns * panelWidth();
    }

    /** Height in nominal pixels (SVG user units). */
    public int height() {
        return ((panels.size() + columns - 1) / columns) * panelHeight();
    }

    private void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        int w = panelWidth();
        int h = panelHeight();
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform saved = g.getTransform();
            g.translate((i % columns) * w, (i / columns) * h);
            panels.get(i).paint(g, w, h);
            g.setTransform(saved);
        }
    }

    public byte[] png() {
        int w = (int) Math.round(width() * PNG_SCALE);
        int h = (int) Math.round(height() * PNG_SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The SVG: each panel is painted into its own vector canvas and nested at its grid position. */
    public byte[] svg() {
        int w = panelWidth();
        int h = panelHeight();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .append(" width=\"").append(width()).append("px\" height=\"").append(height())
                .append("px\" viewBox=\"0 0 ").append(width()).append(' ').append(height()).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < panels.size(); i++) {
            VectorGraphics2D g = new GradientAsImageGraphics();
            panels.get(i).paint(g, w, h);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, w, h)).writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String panel = out.toString(StandardCharsets.UTF_8);
            panel = panel.substring(panel.indexOf("<svg"));
            int rootEnd = panel.indexOf('>');
            String root = panel.substring(0, rootEnd)
                    .replaceFirst(" x=\"[^\"]*\"", " x=\"" + (i % columns) * w + "\"")
                    .replaceFirst(" y=\"[^\"]*\"", " y=\"" + (i / columns) * h + "\"");
            sb.append(root).append(panel.substring(rootEnd)).append('\n');
        }
        return sb.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A vector canvas that draws gradient fills (the heat-map colour bar) as small images itself. Left to
     * the canvas, a gradient paint stays in force for every later fill, whatever colour is set, so the
     * colour bar's labels came out in the gradient's colours (and empty shapes failed to rasterise).
     */
    private static final class GradientAsImageGraphics extends VectorGraphics2D {
        private Paint gradient;

        @Override
        public void setPaint(Paint paint) {
            if (paint == null || paint instanceof Color) {
                gradient = null;
                super.setPaint(paint);
            } else {
                gradient = paint;
            }
        }

        @Override
        public void setColor(Color c) {
            gradient = null;
            super.setColor(c);
        }

        @Override
        public void fill(Shape shape) {
            if (gradient == null) {
                super.fill(shape);
                return;
            }
            Rectangle r = shape.getBounds();
            if (r.width <= 0 || r.height <= 0) {
                return;
            }
            BufferedImage image = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                g.translate(-r.x, -r.y);
                g.setPaint(gradient);
                g.fill(shape);
            } finally {
                g.dispose();
            }
            drawImage(image, r.x, r.y, null);
        }
    }

    /**
     * Writes {@code base.png} and {@code base.svg} (the extensions are appended to the file name), put in
     * place together: a failure leaves the previous pair, or none.
     */
    public Written save(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        try (OutputSet set = OutputSet.in(dir)) {
            addTo(set, name);
            set.commit();
        }
        return new Written(base.resolveSibling(name + ".png"), base.resolveSibling(name + ".svg"));
    }

    /** Adds {@code name.png} and {@code name.svg} to a set of files written together. */
    public void addTo(OutputSet set, String name) {
        byte[] png = png();
        byte[] svg = svg();
        set.bytes(name + ".png", png).bytes(name + ".svg", svg);
    }
}
