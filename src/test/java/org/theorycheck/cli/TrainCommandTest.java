package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.TestExperiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code train} command's files (DESIGN.md interfaces) and its divergence contract. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTraceAndAttentionWithTheDesignedColumns() throws IOException {
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.steps=5", "train.record_every=2",
                "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).as("the summary goes to the command's own output").contains("syn-small seed 1");

        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).startsWith("step,loss,distinct_entropy");
        assertThat(trace.subList(1, trace.size())).extracting(l -> l.split(",")[0]).containsExactly("0", "2", "4", "5");

        List<String> attention = Files.readAllLines(out.resolve("attention.csv"));
        assertThat(attention.get(0)).isEqualTo("step,next_token,token,role,p,z,c");
        // Syn-Small: 2 classes × 20 support tokens per recorded step (0, 2, 4, 5)
        assertThat(attention).hasSize(1 + 4 * 2 * 20);
        double[] cSum = new double[2];
        for (String row : attention.subList(1, attention.size())) {
            String[] f = row.split(",");
            assertThat(f).hasSize(7);
            assertThat(f[3]).isIn("common", "distinct");
            if (f[0].equals("5")) {
                cSum[Integer.parseInt(f[1])] += Double.parseDouble(f[6]);
            }
        }
        assertThat(cSum[0]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(cSum[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void seedsOverridePicksTheRun() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.steps=3", "seeds=2", "--out", a.toString()).code()).isZero();
        assertThat(Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.steps=3", "seeds=2..4", "--out", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(b.resolve("trace.csv"))).isEqualTo(Files.readAllBytes(a.resolve("trace.csv")));
    }

    @Test
    void divergenceNamesStepAndTensorExitsThreeAndWritesNothing() {
        Path out = tmp.resolve("run");
        // A seed whose first step leaves a sample misclassified, so that the next gradients grow with Y; with
        // other seeds the loss can saturate at exactly 0 and training completes.
        Cli.Outcome o = Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.eta_z=1e300", "model.init=uniform",
                "seeds=2", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.errorLines()).singleElement().asString()
                .containsPattern("step \\d+")
                .containsPattern("(loss|gradient of Y|gradient of Z|Y|Z)( entry \\(\\d+, \\d+\\))? (is not finite|overflows)");
        assertThat(out).doesNotExist();
    }

    @Test
    void divergenceInASweepExitsThree() {
        Path out = tmp.resolve("sweep");
        Cli.Outcome o = Cli.run("sweep", TestExperiments.SYN_SMALL.toString(), "train.eta_z=1e300", "model.init=uniform", "seeds=2",
                "--threads", "1", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.errorLines()).singleElement().asString().containsPattern("step \\d+");
        assertThat(out.resolve("runs.csv")).doesNotExist();
        assertThat(out.resolve("summary.csv")).doesNotExist();
    }
}
