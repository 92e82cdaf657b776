package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that diverges in any value of its state, not only its loss, stops with one line naming when, what and
 * which rate to lower, exit code 3, and writes nothing, on every command and rung; a rung that does not
 * determine a value says so with an empty field, never with a NaN that reads like a divergence.
 */
class DivergenceCommandTest {

    private static final String SYN_SMALL = "experiments/scan-and-snap/syn-small.yaml";

    @TempDir
    Path tmp;

    private void assertDiverged(Cli.Outcome o, Path out, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.errorLines()).singleElement().asString().contains(parts);
        assertThat(out).as("nothing written").doesNotExist();
    }

    /**
     * At η = 1e300 the parameters stay finite, and with the loss as the only check the run used to end with exit 0
     * and a trace of 1e285-sized (zero init) or infinite (uniform init, η = 1e308) row-sum drifts.
     */
    @ParameterizedTest(name = "train {0} {1}")
    @CsvSource({"train.eta_z=1e300, model.init=zero", "train.eta_z=1e300, model.init=uniform",
            "train.eta_z=1e308, model.init=uniform"})
    void aTrainingRunWhoseParametersOverflowStopsAtTheFirstStep(String rate, String init) {
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.run("train", SYN_SMALL, rate, init, "--out", out.toString());
        assertDiverged(o, out, "diverged at step 1: Y entry (", ") overflows (", "2^52", "lower η_Y", "train.eta_y");
    }

    /** A moderate but large rate, at which the loss saturates at 0, is a result and not a divergence. */
    @Test
    void aLargeRateThatStaysInRangeIsNotADivergence() throws IOException {
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.run("train", SYN_SMALL, "train.eta_z=1e10", "train.steps=20", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Files.readString(out.resolve("trace.csv"))).doesNotContain("NaN", "Infinity");
    }

    /**
     * Each rung of integrate at a rate where it overflows: the map (which used to print success and then die on
     * a stack trace after writing), the flow and the reduced rung (stack traces), the closed forms (exit 0 with
     * NaN in its trace).
     */
    @ParameterizedTest(name = "integrate --rung {0} {1}")
    @CsvSource({
            "map, train.eta_z=1e300, model.init=zero, diverged at step 1: Y entry",
            "map, train.eta_z=1e308, model.init=uniform, diverged at step 1: Y entry",
            "flow, train.eta_z=1e300, model.init=zero, the gradient-flow state (Y, Z) entry",
            "reduced, train.eta_z=1e300, model.init=zero, the Gram matrix I + E",
            "closed, train.eta_z=1e300, model.init=zero, B_scan is not finite"})
    void everyRungOfIntegrateStopsWhenItDiverges(String rung, String rate, String init, String what) {
        Path out = tmp.resolve(rung);
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", rung, rate, init, "--out", out.toString());
        assertDiverged(o, out, what, "lower");
        if (!rung.equals("map")) {
            assertThat(o.err()).as("an ODE rung names the continuous time").containsPattern("diverged at t = \\S+ steps");
        }
        assertThat(o.out()).as("no success line").isEmpty();
    }

    /** η_Y/(1 − μ) = 1e308/0.1 overflows although η_Y = 1e308 is a valid rate: the ODE rungs refuse it as input. */
    @ParameterizedTest(name = "integrate --rung {0} train.eta_ratio=1e308")
    @CsvSource({"flow", "reduced", "closed"})
    void aContinuousRateThatOverflowsIsBadInputNamingTheKey(String rung) {
        Path out = tmp.resolve(rung);
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", rung, "train.eta_ratio=1e308", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString()
                .contains(SYN_SMALL, "train.eta_y:", "overflows to Infinity", "train.momentum");
        assertThat(out).doesNotExist();
    }

    /**
     * Theorem 1's β needs the classes' decoder inputs to be independent: with distinct tokens of weight 1e-20 the
     * Gram matrix is singular at t = 0, which is the experiment's doing (exit 2); singular later on, it is a
     * breakdown of the integration (the case above, exit 3).
     */
    @Test
    void aGramMatrixSingularAtTheStartIsBadInput() {
        Path out = tmp.resolve("reduced");
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", "reduced", "data.distinct_weights=[1e-20,1e-20]",
                "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("data.distinct_weights:", "singular");
        assertThat(out).doesNotExist();
    }

    @Test
    void theClosedFormsOfACommonWeightTooSmallForDoublePrecisionAreBadInput() {
        Path out = tmp.resolve("closed");
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", "closed", "data.common_weight=1e-100", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("data.common_weight:", "C₀");
        assertThat(out).doesNotExist();
    }

    /** The diverging run of a sweep names its cell and its seed: the first in plan order, whatever the threads. */
    @Test
    void aDivergingSweepRunNamesItsCellAndSeed() {
        for (String threads : List.of("1", "2")) {
            Path out = tmp.resolve("sweep-" + threads);
            Cli.Outcome o = Cli.run("sweep", SYN_SMALL, "train.steps=10", "train.eta_z=[1,1e300]", "seeds=3..4",
                    "--threads", threads, "--out", out.toString());
            assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
            assertThat(o.errorLines()).singleElement().asString()
                    .startsWith("error: the run train.eta_z=1.0E300 seed 3 diverged at step 1: Y entry (");
            assertThat(out.resolve("runs.csv")).doesNotExist();
            assertThat(out.resolve("summary.csv")).doesNotExist();
        }
    }

    /**
     * The closed forms determine neither the loss nor the distinct tokens' logits (nor so the distinct-token
     * entropy and the attention c), and Eqn. 14's snap regime is undefined at t = 0: empty fields, with the
     * header every rung shares, and no NaN or Infinity anywhere.
     */
    @Test
    void theClosedRungLeavesWhatItDoesNotDetermineEmpty() throws IOException {
        Path out = tmp.resolve("closed");
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", "closed", "train.steps=10", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("final distinct-token entropy not determined by this rung");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        List<String> attention = Files.readAllLines(out.resolve("attention.csv"));
        assertThat(String.join("\n", trace) + String.join("\n", attention)).doesNotContain("NaN", "Infinity");
        List<String> header = List.of(trace.get(0).split(","));
        assertThat(header.subList(0, 4)).containsExactly("step", "loss", "distinct_entropy", "decoder_residual");
        assertThat(header).containsSubsequence("B_scan", "B_snap", "C0");
        int snap = header.indexOf("B_snap");
        for (String row : trace.subList(1, trace.size())) {
            String[] f = row.split(",", -1);
            assertThat(f).hasSize(header.size());
            assertThat(f[1]).as("loss").isEmpty();
            assertThat(f[2]).as("distinct_entropy").isEmpty();
            assertThat(Double.parseDouble(f[3])).as("decoder_residual").isFinite();
            assertThat(f[snap].isEmpty()).as("B_snap at step " + f[0]).isEqualTo(f[0].equals("0"));
        }
        for (String row : attention.subList(1, attention.size())) {
            String[] f = row.split(",", -1);
            assertThat(f[5].isEmpty()).as("z of a " + f[3] + " token").isEqualTo(f[3].equals("distinct"));
            assertThat(f[6]).as("c").isEmpty();
        }
    }

    /** The other rungs define every column: a reduced trace leaves only the loss empty. */
    @Test
    void theReducedRungLeavesOnlyTheLossEmpty() throws IOException {
        Path out = tmp.resolve("reduced");
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "--rung", "reduced", "train.steps=10", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        for (String row : trace.subList(1, trace.size())) {
            String[] f = row.split(",", -1);
            assertThat(f[1]).as("loss").isEmpty();
            for (int i = 2; i < f.length; i++) {
                assertThat(Double.parseDouble(f[i])).as(trace.get(0).split(",")[i]).isFinite();
            }
        }
    }
}
