package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misread claim files are load errors: a mistyped parameter value, a key the experiment does not sweep,
 * or a rung that cannot run the experiment gets exit 2 with file:line:field, the bad value and what is
 * allowed, before any check runs (the checks below would take seconds to minutes if they ran).
 */
class ClaimParameterValidationTest {

    @TempDir
    Path dir;

    /** A bundled claim file with one edit, which must change it. */
    private Path edited(String bundled, String from, String to) throws IOException {
        String text = Files.readString(Path.of("theorems/scan-and-snap", bundled));
        assertThat(text).contains(from);
        Path f = dir.resolve(bundled);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return f;
    }

    private static void rejected(Path f, int line, String field, String... mentions) {
        Cli.Outcome r = Cli.run("verify", f.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.err()).contains(f + ":" + line + ": " + field + ": ").contains(mentions);
    }

    @Test
    void aMisspeltDirectionIsNotReadAsIncrease() throws IOException {
        rejected(edited("fig6-lr-sparsity.yaml", "direction: decrease", "direction: decreasing"), 14,
                "checks.params.direction", "'decreasing'", "decrease, increase");
    }

    @Test
    void aMisspeltComparisonIsNotReadAsScaling() throws IOException {
        rejected(edited("thm4-snap-time.yaml", "compare: paper", "compare: papr"), 27, "checks.params.compare",
                "'papr'", "scaling, paper");
    }

    @Test
    void aMisspeltFormIsNotReadAsIntegration() throws IOException {
        rejected(edited("thm4-growth-regimes.yaml", "form: regimes", "form: regime"), 16, "checks.params.form",
                "'regime'", "integration, regimes");
    }

    @Test
    void aFractionalSampleCountIsNotTruncated() throws IOException {
        rejected(edited("lemma2-finite-T.yaml", "samples: 1000", "samples: 1000.5"), 12, "checks.params.samples",
                "'1000.5'", "integer");
    }

    @Test
    void aNumberOutOfRangeIsRejected() throws IOException {
        rejected(edited("lemma2-finite-T.yaml", "delta: 0.05", "delta: 1.5"), 12, "checks.params.delta", "1.5", "(0, 1]");
    }

    @Test
    void aListWhereOneValueIsExpectedIsRejected() throws IOException {
        rejected(edited("lemma9-gamma-stages.yaml", "span: 100", "span: [10, 100]"), 12, "checks.params.span", "list");
    }

    @Test
    void anUnknownParameterListsTheAllowedOnes() throws IOException {
        rejected(edited("lemma9-gamma-stages.yaml", "span: 100", "spam: 100"), 12, "checks.params.spam",
                "unknown parameter of speed_control_stages", "span = a number in [1, 1e+06] (default 100)");
    }

    @Test
    void alongMustNameASweptKey() throws IOException {
        rejected(edited("fig6-lr-sparsity.yaml", "along: train.eta_z", "along: train.eta_y"), 14, "checks.params.along",
                "'train.eta_y' is not swept", "train.eta_ratio");
    }

    @Test
    void adamHasNoFlowAndThatIsALoadError() throws IOException {
        Path f = edited("fig5-adam-order.yaml", "rung: sgd", "rung: flow");
        rejected(f, 11, "checks.rung", "rung flow cannot run the experiment", "train.optimizer", "Adam");
    }

    @Test
    void theReducedRungExcludesTheResidualVariant() throws IOException {
        rejected(edited("thm3-sandwich.yaml", "rung: reduced\n", "rung: reduced\n    overrides: [model.residual=true]\n"),
                9, "checks.rung", "rung reduced cannot run", "model.residual");
    }

    @Test
    void theQuickVariantIsValidatedToo() throws IOException {
        rejected(edited("fig6-lr-sparsity.yaml", "quick: [seeds=1..3, \"data.queries=[1,10]\"]",
                "quick: [seeds=1..3, \"data.queries=[1,10]\", train.steps=-1]"), 11, "checks.experiment",
                "with the quick overrides is invalid", "train.steps");
    }
}
