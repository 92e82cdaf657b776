package org.theorycheck.theories.deeplinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.cli.Main;
import picocli.CommandLine;

/**
 * Bad input to a deep-linear experiment (issue item 7) is one error line naming the file, the line and the key,
 * exit code 2 and nothing written; a rate past the stability limit is a divergence named with its step, exit
 * code 3. Each case runs {@code train} in-process on a file written here.
 */
class DeepLinearBadInputTest {

    @TempDir
    Path tmp;

    /** The exit code and the error lines of one command. */
    private record Outcome(int code, List<String> errors) {}

    private Outcome train(String yaml, String... overrides) throws IOException {
        Path file = tmp.resolve("experiment.yaml");
        Files.writeString(file, "theory: deep-linear\n" + yaml);
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = new String[3 + overrides.length + 2];
        args[0] = "train";
        args[1] = file.toString();
        System.arraycopy(overrides, 0, args, 2, overrides.length);
        args[2 + overrides.length] = "--out";
        args[3 + overrides.length] = tmp.resolve("out").toString();
        args[4 + overrides.length] = "--restart";
        int code = Main.execute(cl, args);
        return new Outcome(code, err.toString().lines().filter(l -> !l.isBlank()).toList());
    }

    /** Exit 2, one line naming the file at {@code line}, the key and {@code what}, and no output directory. */
    private void refused(Outcome o, int line, String key, String... what) {
        assertThat(o.code()).as("%s", o.errors()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errors()).singleElement().asString().contains("experiment.yaml:" + line + ": " + key + ": ").contains(what);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static final String TASK = """
            data:
              inputs: 4
              outputs: 5
              singular_values: [3, 2, 1, 0.5]
            """;

    @Test
    void aDepthBelowTwoIsRefused() throws IOException {
        refused(train(TASK + "model:\n  depth: 1\n"), 7, "model.depth", "must be an integer from 2");
        refused(train(TASK + "model:\n  widths: [4]\n"), 7, "model.widths", "at least 2 layer widths");
    }

    @Test
    void widthsThatDoNotChainAreRefused() throws IOException {
        refused(train(TASK + "model:\n  widths: [3, 3, 5]\n"), 7, "model.widths", "do not chain", "input dimension 4");
        refused(train(TASK + "model:\n  widths: [4, 3, 4]\n"), 7, "model.widths", "output dimension 5");
    }

    @Test
    void singularValuesNotPositiveOrNotDescendingAreRefused() throws IOException {
        refused(train("data:\n  singular_values: [3, 0]\n"), 3, "data.singular_values", "positive", "entry 2");
        refused(train("data:\n  singular_values: [1, 2]\n"), 3, "data.singular_values", "descending", "entry 2");
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() throws IOException {
        refused(train(TASK + "train:\n  rate: 0\n"), 7, "train.rate", "must be > 0");
        refused(train(TASK + "train:\n  rate: -0.01\n"), 7, "train.rate", "must be > 0");
    }

    @Test
    void whiteningASingularSigma11IsRefused() throws IOException {
        String mnist = "data:\n  kind: mnist\n  digits: %d\n  preprocessing: whitened\n  whitening_components: %d\nmodel:\n  widths: [%d, 10, 10]\n";
        // Known without reading a digit: 100 centred digits span at most 99 dimensions.
        refused(train(String.format(mnist, 100, 150, 150)), 5, "data.preprocessing", "rank at most 99");
        // Found when the digits are read: 1000 digits have pixels that never light up.
        refused(train(String.format(mnist, 1000, 784, 784), "rung=gd"), 5, "data.preprocessing", "whitened needs a nonsingular Σ11");
    }

    @Test
    void aStartOutsideTheClosedFormsRangeIsRefused() throws IOException {
        refused(train(TASK + "model:\n  widths: [4, 3, 5]\n  u0: 2.5\n", "rung=closed"), 8, "model.u0", "outside (0, s_2 = 2.0)");
        refused(train(TASK + "model:\n  widths: [4, 3, 5]\n  init: small_gaussian\n  theory_u0: 4\n", "rung=closed"), 9, "model.theory_u0",
                "outside (0, s_1 = 3.0)");
        refused(train(TASK + "model:\n  u0: 0\n"), 7, "model.u0", "must be positive");
    }

    @Test
    void aRatePastTheStabilityLimitDivergesWithItsStep() throws IOException {
        for (String rung : List.of("gd", "sgd")) {
            Outcome o = train(TASK + "model:\n  widths: [4, 3, 5]\n  u0: 0.5\ntrain:\n  rate: 2\n  steps: 200\n", "rung=" + rung);
            assertThat(o.code()).as("%s", o.errors()).isEqualTo(Main.EXIT_DIVERGED);
            assertThat(o.errors()).singleElement().asString().containsPattern("diverged at (step \\d+|t = [0-9.]+ steps): W_\\d entry")
                    .contains("lower train.rate");
            assertThat(tmp.resolve("out")).doesNotExist();
        }
    }
}
