package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.Theories;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.decay.DecayTheory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seam: a theory plugged in by its service file alone (the exponential-decay theory of the test
 * sources) runs its claims through verify beside Scan and Snap, and a file that names no theory, or an
 * unknown one, is bad input.
 */
class TheoriesTest {

    private static final Path DECAY_CLAIMS = Path.of("src/test/resources/decay/theorems");

    @TempDir
    Path tmp;

    @Test
    void bothTheoriesAreFoundOnTheClassPath() {
        assertThat(Theories.discovered().ids()).containsExactly("deep-linear", "exponential-decay", "scan-and-snap");
    }

    @Test
    void aTheoryInTheTestSourcesRunsItsClaimsThroughVerify() {
        Cli.Outcome o = Cli.run("verify", DECAY_CLAIMS.toString(), "--format", "json");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("\"theory\" : \"exponential-decay\"", "\"id\" : \"closed-form\"", "\"id\" : \"small-rate\"")
                .doesNotContain("scan-and-snap");
    }

    @Test
    void twoTheoriesAreGroupedInTheMatrix() {
        Cli.Outcome o = Cli.run("verify", DECAY_CLAIMS.toString(), "theorems/scan-and-snap/lemma1-row-sums.yaml",
                "--format", "matrix");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("## exponential-decay", "| claim | sgd | gd | flow | symbolic |", "## scan-and-snap",
                "| claim | sgd | map | flow | symbolic |");
    }

    @Test
    void anExperimentOutsideEveryTheorysFolderMustNameItsTheory() throws IOException {
        Path file = tmp.resolve("mine.yaml");
        Files.writeString(file, "train:\n  steps: 5\n");
        Cli.Outcome o = Cli.run("train", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString()
                .contains(file.toString(), "theory", "experiments/<theory>/", "exponential-decay, scan-and-snap");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aTheoryKeyMakesAnyFolderDo() throws IOException {
        Path file = tmp.resolve("mine.yaml");
        Files.writeString(file, "theory: exponential-decay\ntrain:\n  steps: 5\n");
        Cli.Outcome o = Cli.run("train", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(tmp.resolve("out/trace.csv")).content().startsWith("step,w,loss\n0,0.0,0.5\n");
    }

    @Test
    void anUnknownTheoryIsNamedWithTheKnownOnes() throws IOException {
        Path file = tmp.resolve("mine.yaml");
        Files.writeString(file, "theory: mystery\n");
        Cli.Outcome o = Cli.run("train", file.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("unknown theory 'mystery'", "scan-and-snap");
    }

    @Test
    void aFileInAnotherTheorysFolderWithAContraryKeyIsRefused() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("experiments/scan-and-snap")).resolve("x.yaml");
        Files.writeString(file, "theory: exponential-decay\nmodel:\n  init: zero\n");
        Cli.Outcome o = Cli.run("train", file.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(file + ":3", "model.init", "unknown key");
    }

    @Test
    void twoTheoriesClaimingOneIdAreRefused() {
        assertThatThrownBy(() -> Theories.of(List.of(new DecayTheory(), new DecayTheory())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .contains("two theories claim the id 'exponential-decay'"));
    }

    @Test
    void aClaimFileOutsideTheoremsMustNameItsTheory() throws IOException {
        Path file = tmp.resolve("claim.yaml");
        Files.writeString(file, Files.readString(DECAY_CLAIMS.resolve("exponential-decay/small-rate.yaml")));
        Cli.Outcome o = Cli.run("verify", "--dry-run", file.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(file + ":1", "theorems/<theory>/");
        Files.writeString(file, "theory: exponential-decay\n" + Files.readString(file));
        assertThat(Cli.run("verify", "--dry-run", file.toString()).code()).isZero();
    }
}
