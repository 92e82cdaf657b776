package org.theorycheck.core.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static HtmlReport report() {
        Figure fig = LineFigure.titled("f").line("a", new double[]{0, 1}, new double[]{0, 1}).figure();
        return HtmlReport.titled("Report " + HOSTILE)
                .section("Section " + HOSTILE)
                .paragraph(HOSTILE)
                .figure(fig, "caption " + HOSTILE)
                .section("Verdicts")
                .rows(List.of("claim", "verdict"), List.of(HtmlReport.row("holds", "thm2a", "HOLDS"),
                        HtmlReport.row("fails", HOSTILE, "FAILS"), new HtmlReport.Row(List.of("x", "1.5"), null)))
                .code("java -jar theorycheck.jar verify " + HOSTILE)
                .environment();
    }

    @Test
    void cellsAreColouredOneByOneAndEscaped() throws Exception {
        String html = HtmlReport.titled("m").cells(List.of("claim", "sgd", "map"), List.of(List.of(
                new HtmlReport.Cell(HOSTILE, null), new HtmlReport.Cell("FAILS 0.3", "fails"), new HtmlReport.Cell("HOLDS 0", "holds"))))
                .html();
        Document doc = Fixtures.xml(html.getBytes(StandardCharsets.UTF_8));
        NodeList cells = doc.getElementsByTagName("td");
        assertThat(cells.getLength()).isEqualTo(3);
        assertThat(cells.item(0).getTextContent()).isEqualTo(HOSTILE);
        assertThat(((Element) cells.item(1)).getAttribute("class")).isEqualTo("fails");
        assertThat(((Element) cells.item(2)).getAttribute("class")).isEqualTo("holds");
        assertThatThrownBy(() -> new HtmlReport.Cell("x", "not a class")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWellFormedAndEscapesEverything() throws Exception {
        String html = report().html();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;")
                .contains("&quot;quoted&quot;");
        Document doc = Fixtures.xml(html.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Report " + HOSTILE);
        assertThat(doc.getElementsByTagName("pre").item(0).getTextContent()).endsWith(HOSTILE);
    }

    @Test
    void embedsFiguresAsPngDataUris() throws Exception {
        Document doc = Fixtures.xml(report().html().getBytes(StandardCharsets.UTF_8));

        NodeList images = doc.getElementsByTagName("img");
        assertThat(images.getLength()).isEqualTo(1);
        String src = ((Element) images.item(0)).getAttribute("src");
        assertThat(src).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(Fixtures.PNG_MAGIC);
        assertThat(doc.getElementsByTagName("figcaption").item(0).getTextContent()).contains("caption " + HOSTILE);
    }

    @Test
    void hasNoExternalResources() {
        String html = report().html();

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain("src=\"file:");
    }

    @Test
    void tableOfContentsLinksEverySection() throws Exception {
        Document doc = Fixtures.xml(report().html().getBytes(StandardCharsets.UTF_8));

        NodeList links = ((Element) doc.getElementsByTagName("nav").item(0)).getElementsByTagName("a");
        assertThat(links.getLength()).isEqualTo(2);
        assertThat(((Element) links.item(1)).getAttribute("href")).isEqualTo("#sec-2");
        assertThat(links.item(1).getTextContent()).isEqualTo("Verdicts");
    }

    @Test
    void rowsCarryTheirVerdictClassAndNumbersAlignRight() throws Exception {
        Document doc = Fixtures.xml(report().html().getBytes(StandardCharsets.UTF_8));

        NodeList rows = doc.getElementsByTagName("tbody").item(0).getChildNodes();
        List<String> classes = new java.util.ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element e) {
                classes.add(e.getAttribute("class"));
            }
        }
        assertThat(classes).containsExactly("holds", "fails", "");
        assertThat(report().html()).contains("<td class=\"num\">1.5</td>");
        assertThatThrownBy(() -> HtmlReport.row("a b\"", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void embedsSvgFilesAndWritesTheFile(@TempDir Path dir) throws Exception {
        Figure.Written w = LineFigure.titled("f").line("a", new double[]{0, 1}, new double[]{0, 1}).figure()
                .save(dir.resolve("f"));
        Path out = dir.resolve("r.html");
        HtmlReport.titled("t").figure(w.svg(), "svg").figure(w.png(), "png").write(out);

        String html = Files.readString(out);
        assertThat(html).contains("data:image/svg+xml;base64,").contains("data:image/png;base64,");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left")
                    .containsExactlyInAnyOrder("f.png", "f.svg", "r.html");
        }
    }
}
