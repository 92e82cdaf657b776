package org.theorycheck.core.report;

import org.theorycheck.theories.scansnap.report.TraceSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The plot command end to end: real files in, figures out; bad input exits 2 and writes nothing. */
class PlotCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return Main.execute(cl, args);
    }

    private Path attention() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("attention.csv"), Fixtures.attentionCsv());
        Files.writeString(run.resolve("trace.csv"), "step,loss,distinct_entropy,decoder_residual,gamma\n"
                + "0,3.5,0.69,1,0\n2,2.0,0.6,0.5,0.1\n5,1.0,0.5,0.2,0.3\n9,0.5,0.45,0.1,0.2\n");
        return run;
    }

    private void assertNoFigure(String name) throws Exception {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(name));
        }
    }

    @Test
    void heatmapOverlayAndRecallWriteBothFormats() throws Exception {
        Path run = attention();

        assertThat(run("plot", "heatmap", run.resolve("attention.csv").toString(), "--out", dir.resolve("h").toString()))
                .isZero();
        assertThat(run("plot", "overlay", "sgd=" + run, "sgd=" + run, "theory=" + run.resolve("trace.csv"),
                "--column", "gamma", "--marker", "4=t0", "--out", dir.resolve("o").toString())).isZero();
        assertThat(run("plot", "overlay", "sgd=" + run, "--column", "z:1:4", "--log-x", "--out",
                dir.resolve("z").toString())).isZero();
        assertThat(run("plot", "recall", "a=" + run, "--vocabulary", "8", "--out", dir.resolve("r").toString()))
                .isZero();
        for (String name : new String[]{"h", "o", "z", "r"}) {
            byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
            assertThat(Arrays.copyOf(png, 8)).isEqualTo(Fixtures.PNG_MAGIC);
            assertThat(Fixtures.xml(Files.readAllBytes(dir.resolve(name + ".svg"))).getDocumentElement().getTagName())
                    .isEqualTo("svg");
        }
    }

    @Test
    void missingColumnNamesFileAndColumn() throws Exception {
        Path run = attention();

        int code = run("plot", "overlay", "sgd=" + run, "--column", "B_0", "--out", dir.resolve("bad").toString());

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(run.resolve("trace.csv").toString()).contains("B_0");
        assertNoFigure("bad");
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path missing = dir.resolve("nowhere/summary.csv");

        int code = run("plot", "panels", missing.toString(), "--out", dir.resolve("bad").toString());

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(missing.toString()).contains("no such file");
        assertNoFigure("bad");
    }

    @Test
    void unknownPanelKeyNamesFileAndColumn() throws Exception {
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, "train.eta_z,train.eta_ratio,n,distinct_entropy_mean,distinct_entropy_std,loss_mean\n"
                + "1,1,3,2.0,0.1,0.01\n1,2,3,2.1,0.1,0.01\n");

        int code = run("plot", "panels", summary.toString(), "--out", dir.resolve("bad").toString());

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(summary.toString()).contains("data.queries");
        assertNoFigure("bad");
    }

    @Test
    void runsThatShareALabelMustShareTheirSteps() throws Exception {
        Path run = attention();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("trace.csv"), "step,loss,distinct_entropy\n0,1,0.7\n3,0.5,0.6\n");

        int code = run("plot", "overlay", "sgd=" + run, "sgd=" + other, "--column", "loss", "--out",
                dir.resolve("bad").toString());

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(other.resolve("trace.csv").toString()).contains("step");
        assertNoFigure("bad");
    }

    /**
     * The closed rung leaves its loss, its distinct tokens' logits and attention, and B_snap at t = 0 empty:
     * a plot reads them as gaps, while a field that is not a number stays an error (below). A heatmap of an
     * attention it leaves empty everywhere is one line, exit 2 (it was XChart's stack trace).
     */
    @Test
    void theEmptyFieldsOfAClosedRungPlotAsGaps() throws Exception {
        Path closed = dir.resolve("closed");
        assertThat(run("integrate", "experiments/scan-and-snap/syn-small.yaml", "--rung", "closed", "train.steps=10", "--out",
                closed.toString())).as(err.toString()).isZero();
        assertThat(run("plot", "overlay", "closed=" + closed, "--column", "B_snap", "--out", dir.resolve("b").toString()))
                .as(err.toString()).isZero();
        assertThat(run("plot", "overlay", "closed=" + closed, "--column", "z:0:0", "--out", dir.resolve("z").toString()))
                .as("a common token's logit is determined").isZero();
        int code = run("plot", "heatmap", closed.resolve("attention.csv").toString(), "--out", dir.resolve("h").toString());
        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString().lines().filter(l -> !l.isBlank())).singleElement().asString()
                .contains(closed.resolve("attention.csv").toString(), "c:", "no attention c is determined");
        assertNoFigure("h");
        TraceSeries.Sampled snap = TraceSeries.read(closed, TraceSeries.Selector.parse("B_snap"));
        assertThat(snap.values()[0]).as("B_snap at t = 0").isNaN();
        assertThat(snap.values()[1]).isFinite();
        assertThat(TraceSeries.read(closed, TraceSeries.Selector.parse("loss")).values()).containsOnly(Double.NaN);
    }

    @Test
    void badNumberNamesLineAndColumn() throws Exception {
        Path file = dir.resolve("attention.csv");
        Files.writeString(file, "step,next_token,token,role,p,z,c\n0,0,1,distinct,0.5,0,oops\n");

        int code = run("plot", "heatmap", file.toString(), "--out", dir.resolve("bad").toString());

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(file + ":2").contains("c: 'oops' is not a number");
        assertNoFigure("bad");
    }
}
