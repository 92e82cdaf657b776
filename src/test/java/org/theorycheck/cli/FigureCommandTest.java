package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FigureCommandTest {

    @TempDir
    Path tmp;

    @Test
    void unknownFigureIsBadInputAndWritesNothing() {
        assertRefused(List.of("figure", "fig13"), "unknown figure 'fig13'", "fig3", "ladder");
    }

    @Test
    void missingLadderExperimentIsBadInputAndWritesNothing() {
        assertRefused(List.of("figure", "ladder", "--experiment", tmp.resolve("nope.yaml").toString()),
                "nope.yaml", "no such experiment file");
    }

    @Test
    void transformerRowOnOtherClassesIsBadInputAndWritesNothing() {
        assertRefused(List.of("figure", "ladder", "--experiment", "transformer=experiments/scan-and-snap/fig6-syn-medium-transformer.yaml"),
                "fig6-syn-medium-transformer.yaml", "data", "sequence classes of experiments/scan-and-snap/syn-small.yaml");
    }

    @Test
    void transformerRowNeedsTheTransformerRung() {
        assertRefused(List.of("figure", "ladder", "--experiment", "transformer=experiments/scan-and-snap/syn-small-fast-decoder.yaml"),
                "syn-small-fast-decoder.yaml", "rung: transformer");
    }

    /** The command, given {@code --out}, exits with 2, says every part of the message and writes nothing. */
    private void assertRefused(List<String> command, String... message) {
        Path out = tmp.resolve("figs");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", out.toString()));
        Cli.Outcome o = Cli.run(args.toArray(String[]::new));
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains(message);
        assertThat(out).doesNotExist();
    }

    @Test
    void writesDataAndBothImages() throws Exception {
        Path out = tmp.resolve("figs");
        Path expected = tmp.resolve("expected");
        Cli.Outcome o = Cli.run("figure", "scan-and-snap/fig8", "--out", out.toString(), "--expected", expected.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("fig8: done in");
        assertThat(Files.readString(out.resolve("scan-and-snap-fig8.csv"))).startsWith("m,eta_y,s,h_star,h\n");
        assertThat(Files.size(out.resolve("scan-and-snap-fig8.png"))).isPositive();
        assertThat(Files.readString(out.resolve("scan-and-snap-fig8.svg"))).contains("<svg");
        assertThat(Files.readString(expected.resolve("scan-and-snap-fig8.csv"))).startsWith("key,kind,mean,std,n\n").contains("EXACT");
    }
}
