package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code verify} command's contract: exit codes, the table, and one clear message per schema error. */
class VerifyCommandTest {

    private static final String GOOD = """
            id: small-order
            source: Theorem 3
            statement: distinct tokens are ordered by P
            checks:
              - name: map
                rung: map
                experiment: experiments/scan-and-snap/syn-small.yaml
                overrides: [train.steps=20]
                quantity: frequency_order
                tolerance: 0.1
                expected: HOLDS
            """;

    @TempDir
    Path dir;

    private static Cli.Outcome verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    private Path claim(String text) throws IOException {
        Path f = Files.createDirectories(dir.resolve("theorems/scan-and-snap")).resolve("claim.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aClaimThatGetsItsExpectedVerdictExitsZero() throws IOException {
        Cli.Outcome r = verify(claim(GOOD).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("| small-order | Theorem 3 | map | map |").contains("| HOLDS | HOLDS |");
    }

    @Test
    void aFlippedExpectationExitsNonZeroAndNamesTheCheck() throws IOException {
        Cli.Outcome r = verify(claim(GOOD.replace("expected: HOLDS", "expected: FAILS\n    why: flipped on purpose")).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("small-order / map").contains("expected FAILS, got HOLDS");
    }

    @Test
    void jsonHasTheStableFields() throws IOException {
        Cli.Outcome r = verify(claim(GOOD).toString(), "--format", "json");
        assertThat(r.out()).contains("\"id\" : \"small-order\"", "\"source\" : \"Theorem 3\"", "\"check\" : \"map\"",
                "\"verdict\" : \"HOLDS\"", "\"measured\" :", "\"tolerance\" :", "\"expected\" : \"HOLDS\"", "\"seconds\" :");
    }

    @Test
    void theTableShowsTheComparedDeviationAndTheEvidence() throws IOException {
        Cli.Outcome r = verify(claim(GOOD).toString());
        assertThat(r.out()).contains("| measured | deviation | tolerance | evidence | verdict |").contains("| one seed; logits moved ");
        Cli.Outcome json = verify(claim(GOOD).toString(), "--format", "json");
        assertThat(json.out()).contains("\"deviation\" : ", "\"evidence\" : \"one seed; logits moved ");
    }

    @Test
    void theMatrixHasOneRowPerClaimAndOneColumnPerRungTopFirst() throws IOException {
        Path f = claim(GOOD.replace("checks:\n", """
                checks:
                  - name: sgd
                    rung: sgd
                    experiment: experiments/scan-and-snap/syn-small.yaml
                    overrides: [train.steps=20, seeds=1..2]
                    quantity: frequency_order
                    tolerance: 0.1
                    expected: FAILS
                    why: flipped on purpose
                """).replace("expected: HOLDS", "expected: FAILS\n    why: flipped on purpose"));
        Cli.Outcome r = verify(f.toString(), "--format", "matrix");
        assertThat(r.out()).as(r.err()).startsWith("| claim | sgd | map |\n");
        assertThat(r.out()).contains("| small-order | HOLDS 0 (!) | HOLDS 0 (!) |");
    }

    @Test
    void resultsAreDeterministic() throws IOException {
        Path f = claim(GOOD.replace("rung: map", "rung: sgd").replace("overrides: [train.steps=20]",
                "overrides: [train.steps=20, seeds=1..3]"));
        String first = verify(f.toString(), "--format", "csv", "--threads", "1").out();
        String second = verify(f.toString(), "--format", "csv", "--threads", "2").out();
        assertThat(withoutSeconds(first)).isEqualTo(withoutSeconds(second));
    }

    private static String withoutSeconds(String csv) {
        return csv.replaceAll(",\\d+\\.\\d,", ",_,");
    }

    private void assertSchemaError(String text, int line, String field) throws IOException {
        Path f = claim(text);
        Cli.Outcome r = verify(f.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":" + line + ": " + field + ":");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws IOException {
        assertSchemaError(GOOD.replace("    tolerance: 0.1", "    tolerence: 0.1"), 10, "checks.tolerence");
    }

    @Test
    void anUnknownRungIsNamedWithItsLine() throws IOException {
        assertSchemaError(GOOD.replace("rung: map", "rung: lattice"), 6, "checks.rung");
    }

    @Test
    void aMissingSourceIsNamed() throws IOException {
        assertSchemaError(GOOD.replace("source: Theorem 3\n", ""), 1, "source");
    }

    @Test
    void aNonPositiveToleranceIsRejected() throws IOException {
        assertSchemaError(GOOD.replace("tolerance: 0.1", "tolerance: 0"), 10, "checks.tolerance");
    }

    @Test
    void aMissingExperimentFileIsNamed() throws IOException {
        assertSchemaError(GOOD.replace("experiments/scan-and-snap/syn-small.yaml", "experiments/nope.yaml"), 7, "checks.experiment");
    }

    @Test
    void anOverrideThatBreaksTheExperimentIsNamed() throws IOException {
        assertSchemaError(GOOD.replace("train.steps=20", "train.steps=0"), 7, "checks.experiment");
    }
}
