package org.theorycheck.core.report;

import org.theorycheck.theories.scansnap.report.AttentionHeatmap;
import org.theorycheck.theories.scansnap.report.AttentionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Figure lines() {
        double[] x = {0, 1, 2, 3, 4};
        return LineFigure.titled("t").axes("step (SGD updates)", "y (nats)")
                .line("theory", x, new double[]{0, 1, 4, 9, 16})
                .staircase("recursion", x, new double[]{0, 1, 3, 8, 15})
                .runs("sgd", x, List.of(new double[]{0, 1, 2, 3, 4}, new double[]{0, 2, 3, 4, 5}))
                .marker(2, "t0").figure();
    }

    @Test
    void savesPngAndSvgBesideEachOther(@TempDir Path dir) throws Exception {
        Figure.Written w = lines().save(dir.resolve("sub/fig"));

        assertThat(w.png()).isEqualTo(dir.resolve("sub/fig.png"));
        assertThat(w.svg()).isEqualTo(dir.resolve("sub/fig.svg"));
        byte[] png = Files.readAllBytes(w.png());
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(Fixtures.PNG_MAGIC);
        Document svg = Fixtures.xml(Files.readAllBytes(w.svg()));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("fig.png", "fig.svg");
        }
    }

    @Test
    void gridIsAsLargeAsItsPanels() throws Exception {
        AttentionTable table = AttentionTable.of(CsvTable.parse("a.csv", Fixtures.attentionCsv()));
        Figure f = AttentionHeatmap.figure(table, AttentionHeatmap.PAPER_STEPS, "x");

        assertThat(f.panels()).hasSize(2);
        assertThat(f.width()).isEqualTo(2 * f.panels().get(0).getWidth());
        Document svg = Fixtures.xml(f.svg());
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo(f.width() + "px");
        // one nested canvas per panel
        assertThat(svg.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
                .isEqualTo(2);
        // only the colour bars are images: text and cells stay vector shapes
        assertThat(svg.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "image").getLength())
                .isEqualTo(2);
    }

    @Test
    void logAxisLeavesOutStepZero() {
        var chart = LineFigure.titled("t").logX().line("a", new double[]{0, 1, 10}, new double[]{1, 2, 3}).chart();

        assertThat(chart.getSeriesMap().get("a").getXData()).containsExactly(1.0, 10.0);
    }

    @Test
    void tickLabelsAreShortAndStable() {
        assertThat(ChartStyle.tick(0.08000000000000002)).isEqualTo("0.08");
        assertThat(ChartStyle.tick(2.0)).isEqualTo("2");
        assertThat(ChartStyle.tick(-1.5e-17)).isEqualTo("0");
        assertThat(ChartStyle.tick(1e-5)).isEqualTo("1e-05");
        assertThat(ChartStyle.tick(250000)).isEqualTo("2.5e+05");
    }

    @Test
    void aLineCanShareTheColourOfAnother() {
        var chart = LineFigure.titled("t").staircase("h*", new double[]{0, 1}, new double[]{0, 1})
                .line("h", new double[]{0, 1}, new double[]{0, 1}, LineFigure.Style.DASHED, "h*")
                .line("other", new double[]{0, 1}, new double[]{1, 0}).chart();

        assertThat(chart.getSeriesMap().get("h").getLineColor()).isEqualTo(chart.getSeriesMap().get("h*").getLineColor());
        assertThat(chart.getSeriesMap().get("other").getLineColor()).isEqualTo(ChartStyle.colour(1));
    }
}
