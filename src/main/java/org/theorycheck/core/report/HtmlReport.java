package org.theorycheck.core.report;

import org.theorycheck.core.io.OutputSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report: one file with its figures embedded as data URIs, tables, code blocks,
 * a table of contents and its own CSS, so it can be mailed or archived and still open years later.
 * Every piece of text is HTML-escaped; the output is also well-formed XML (XHTML syntax).
 *
 * <pre>{@code
 * HtmlReport.titled("A theory: one experiment")
 *     .section("Attention")
 *     .paragraph("Fig. 4, left: η_Y = η_Z = 1.")
 *     .figure(AttentionHeatmap.figure(table, AttentionHeatmap.PAPER_STEPS, "η_Y = η_Z = 1"), "Attention c(l|n)")
 *     .table(List.of("claim", "verdict"), List.of(HtmlReport.row("holds", "thm2a", "HOLDS")))
 *     .code("java -jar theorycheck.jar train experiments/<theory>/<name>.yaml")
 *     .environment()
 *     .write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** Row classes the style sheet colours: verdicts and their severities. */
    public static final List<String> ROW_CLASSES = List.of("holds", "bends", "fails", "skipped", "error");

    private static final Pattern CSS_CLASS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("[-+−]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|NaN|[-+]?Infinity");

    /** A table row with an optional CSS class (null for none). */
    public record Row(List<String> cells, String cssClass) {
        public Row {
            cells = List.copyOf(cells);
            if (cssClass != null && !CSS_CLASS.matcher(cssClass).matches()) {
                throw new IllegalArgumentException("not a CSS class name: " + cssClass);
            }
        }
    }

    /** A table cell with an optional CSS class (null for none), for tables coloured cell by cell. */
    public record Cell(String text, String cssClass) {
        public Cell {
            if (cssClass != null && !CSS_CLASS.matcher(cssClass).matches()) {
                throw new IllegalArgumentException("not a CSS class name: " + cssClass);
            }
        }
    }

    /** A row coloured by {@code cssClass}, e.g. {@code "holds"} or {@code "fails"}. */
    public static Row row(String cssClass, String... cells) {
        return new Row(List.of(cells), cssClass);
    }

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String> headings = new ArrayList<>();
    private int figures;

    private HtmlReport(String title) {
        this.title = title;
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** Starts a section; it gets an entry in the table of contents. */
    public HtmlReport section(String heading) {
        headings.add(heading);
        body.append("<h2 id=\"sec-").append(headings.size()).append("\">").append(escape(heading)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table of plain rows. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        return rows(header, rows.stream().map(r -> new Row(r, null)).toList());
    }

    /** A table whose rows may carry a CSS class (see {@link #ROW_CLASSES}). */
    public HtmlReport rows(List<String> header, List<Row> rows) {
        head(header);
        for (Row r : rows) {
            if (r.cells().size() != header.size()) {
                throw new IllegalArgumentException("a row has " + r.cells().size() + " cells, the header " + header.size());
            }
            body.append(r.cssClass() == null ? "<tr>" : "<tr class=\"" + r.cssClass() + "\">");
            for (String c : r.cells()) {
                body.append(NUMBER.matcher(c.trim()).matches() ? "<td class=\"num\">" : "<td>").append(escape(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** A table whose cells may each carry a CSS class (see {@link #ROW_CLASSES}). */
    public HtmlReport cells(List<String> header, List<List<Cell>> rows) {
        head(header);
        for (List<Cell> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + r.size() + " cells, the header " + header.size());
            }
            body.append("<tr>");
            for (Cell c : r) {
                body.append(c.cssClass() == null ? "<td>" : "<td class=\"" + c.cssClass() + "\">").append(escape(c.text())).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    private void head(List<String> header) {
        body.append("<table>\n<thead><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
    }

    /** A figure, embedded as a PNG. */
    public HtmlReport figure(Figure figure, String caption) {
        return image("image/png", figure.png(), caption, figure.width());
    }

    /** An image file (.png or .svg), embedded. */
    public HtmlReport figure(Path image, String caption) {
        String name = image.getFileName().toString().toLowerCase();
        String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : null;
        if (type == null) {
            throw new IllegalArgumentException(image + ": only .png and .svg figures can be embedded");
        }
        try {
            return image(type, Files.readAllBytes(image), caption, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image + ": " + e.getMessage(), e);
        }
    }

    /** PNG bytes, embedded. */
    public HtmlReport figure(byte[] png, String caption) {
        return image("image/png", png, caption, 0);
    }

    private HtmlReport image(String type, byte[] bytes, String caption, int nominalWidth) {
        figures++;
        body.append("<figure><img src=\"data:").append(type).append(";base64,")
                .append(Base64.getEncoder().encodeToString(bytes)).append("\" alt=\"").append(escape(caption)).append('"');
        if (nominalWidth > 0) {
            // PNGs are painted at Figure.PNG_SCALE; showing them at their nominal width keeps fonts at their size.
            body.append(" style=\"width:min(100%, ").append(nominalWidth).append("px)\"");
        }
        body.append("/><figcaption><b>Figure ").append(figures).append(".</b> ").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** A preformatted block: a command, a configuration, a log excerpt. */
    public HtmlReport code(String text) {
        body.append("<pre><code>").append(escape(text)).append("</code></pre>\n");
        return this;
    }

    /** A block with the Java runtime, the operating system and the theorycheck version. */
    public HtmlReport environment() {
        return code("theorycheck " + toolVersion() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")\n"
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
    }

    /** The version recorded in the packaged jar, or "development build" when run from classes. */
    public static String toolVersion() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(
                "/META-INF/maven/org.theorycheck/theorycheck/pom.properties")) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development build");
        } catch (IOException e) {
            return "development build";
        }
    }

    /** The whole page. */
    public String html() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n");
        if (!headings.isEmpty()) {
            sb.append("<nav><h2>Contents</h2>\n<ol>\n");
            for (int i = 0; i < headings.size(); i++) {
                sb.append("<li><a href=\"#sec-").append(i + 1).append("\">").append(escape(headings.get(i)))
                        .append("</a></li>\n");
            }
            sb.append("</ol>\n</nav>\n");
        }
        return sb.append(body).append("</main>\n</body>\n</html>\n").toString();
    }

    /** Writes the page through a temporary file, so a reader never sees half a report. */
    public void write(Path file) {
        try (OutputSet set = OutputSet.in(file.toAbsolutePath().getParent())) {
            set.text(file.getFileName().toString(), html());
            set.commit();
        }
    }

    /** Escapes text for element content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters are not allowed in HTML or XML text.
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            :root { --ink: #1d1f23; --muted: #5b6270; --rule: #d9dce1; --accent: #0a5dab; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f6f7f9; color: var(--ink);
                   font: 16px/1.55 -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; }
            main { max-width: 1280px; margin: 0 auto; padding: 32px 40px 64px; background: #fff; min-height: 100vh; }
            h1 { font-size: 30px; margin: 0 0 20px; border-bottom: 3px solid var(--accent); padding-bottom: 10px; }
            h2 { font-size: 22px; margin: 40px 0 12px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
            nav { background: #f0f3f7; border: 1px solid var(--rule); border-radius: 6px; padding: 8px 24px 12px; display: inline-block; min-width: 320px; }
            nav h2 { font-size: 16px; margin: 8px 0; border: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
            nav ol { margin: 0; padding-left: 22px; }
            a { color: var(--accent); text-decoration: none; }
            a:hover { text-decoration: underline; }
            p { max-width: 900px; }
            figure { margin: 20px 0 28px; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
            figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; max-width: 900px; }
            table { border-collapse: collapse; margin: 16px 0 24px; font-size: 14px; font-variant-numeric: tabular-nums; }
            th, td { border: 1px solid var(--rule); padding: 5px 12px; text-align: left; vertical-align: top; }
            th { background: #eef1f5; font-weight: 600; }
            td.num { text-align: right; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tr.holds td { background: #e5f4e8; }
            tr.bends td { background: #fdf3dc; }
            tr.fails td { background: #fbe3e1; }
            tr.error td { background: #f6d5d2; font-weight: 600; }
            tr.skipped td { color: var(--muted); background: #f3f3f3; }
            td.holds { background: #cfead5; }
            td.bends { background: #fbe7b5; }
            td.fails { background: #f6c6c1; }
            td.error { background: #eeb0aa; font-weight: 600; }
            td.skipped { color: var(--muted); background: #e6e6e6; }
            pre { background: #f4f5f7; border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px;
                  padding: 10px 14px; overflow-x: auto; font: 13px/1.5 "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; }
            """;
}
