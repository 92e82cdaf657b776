package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FigureCommandTest {

    @TempDir
    Path tmp;

    @Test
    void unknownFigureIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("figs");
        Cli.Outcome o = Cli.run("figure", "fig7", "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("unknown figure 'fig7'").contains("fig3").contains("ladder");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingLadderExperimentIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("figs");
        Cli.Outcome o = Cli.run("figure", "ladder", "--experiment", tmp.resolve("nope.yaml").toString(), "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("nope.yaml").contains("no such experiment file");
        assertThat(out).doesNotExist();
    }

    @Test
    void transformerRowOnOtherClassesIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("figs");
        Cli.Outcome o = Cli.run("figure", "ladder", "--transformer-experiment", "experiments/fig6-syn-medium-transformer.yaml",
                "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("fig6-syn-medium-transformer.yaml").contains("data")
                .contains("sequence classes of experiments/syn-small.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    void transformerRowNeedsTheTransformerRung() {
        Path out = tmp.resolve("figs");
        Cli.Outcome o = Cli.run("figure", "ladder", "--transformer-experiment", "experiments/syn-small-fast-decoder.yaml",
                "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("syn-small-fast-decoder.yaml").contains("rung: transformer");
        assertThat(out).doesNotExist();
    }

    @Test
    void writesDataAndBothImages() throws Exception {
        Path out = tmp.resolve("figs");
        Path expected = tmp.resolve("expected");
        Cli.Outcome o = Cli.run("figure", "fig8", "--out", out.toString(), "--expected", expected.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("fig8: done in");
        assertThat(Files.readString(out.resolve("fig8.csv"))).startsWith("m,eta_y,s,h_star,h\n");
        assertThat(Files.size(out.resolve("fig8.png"))).isPositive();
        assertThat(Files.readString(out.resolve("fig8.svg"))).contains("<svg");
        assertThat(Files.readString(expected.resolve("fig8.csv"))).startsWith("key,kind,mean,std,n\n").contains("EXACT");
    }
}
