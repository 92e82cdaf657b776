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
        Path f = Files.createDirectories(dir.resolve("theorems/scan-and-snap")).resolve(bundled);
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

    @Test
    void anExpectedFailureMustSayWhy() throws IOException {
        Path f = Files.createDirectories(dir.resolve("theorems/scan-and-snap")).resolve("remark1.yaml");
        String text = Files.readString(Path.of("theorems/scan-and-snap/remark1-correlated-decoder.yaml"));
        assertThat(text).contains("    why: >");
        Files.writeString(f, text.substring(0, text.indexOf("    why: >")));
        rejected(f, 13, "checks.why", "an expected FAILS needs a why");
    }

    @Test
    void theEntropyFloorIsAFractionOfTheUniformEntropyNotANumberOfNats() throws IOException {
        rejected(edited("no-one-hot-collapse.yaml", "fraction: 0.25", "floor: 0.5756"), 13, "checks.params.floor",
                "unknown parameter of entropy_floor", "fraction = a number in (0, 1] (required)");
    }

    @Test
    void anOverrideThatNamesNoKeyIsReportedAtTheClaimFilesLine() throws IOException {
        rejected(edited("fig5-adam-order.yaml", "train.eta_z=0.1", "train-eta_z=0.1"), 13, "checks.overrides",
                "names no key", "train.eta_z");
    }

    @Test
    void aTextQuantityNeedsACorpusAndASyntheticOneRefusesIt() throws IOException {
        rejected(edited("fig7-attention-freezes.yaml", "experiment: experiments/scan-and-snap/fig7-brown.yaml",
                "experiment: experiments/scan-and-snap/syn-small-transformer.yaml"), lineOf("fig7-attention-freezes.yaml", "experiments/scan-and-snap/fig7-brown.yaml"),
                "checks.experiment",
                "attention_sparsity measures training on real text", "has no corpus: section");
        rejected(edited("thm2a-distinct-gain.yaml", "experiment: experiments/scan-and-snap/syn-medium-transformer.yaml",
                "experiment: experiments/scan-and-snap/fig7-brown.yaml"), lineOf("thm2a-distinct-gain.yaml", "experiments/scan-and-snap/syn-medium-transformer.yaml"),
                "checks.experiment", "runs on the synthetic sequence classes", "reads the brown corpus");
    }

    @Test
    void aMisspeltFreezeMeasureIsNotReadAsRate() throws IOException {
        rejected(edited("fig7-attention-freezes.yaml", "{ratio: 0.1, measure: maps}", "{ratio: 0.1, measure: map}"),
                lineOf("fig7-attention-freezes.yaml", "{ratio: 0.1, measure: maps}"), "checks.params.measure",
                "'map'", "rate, maps");
    }

    private static int lineOf(String bundled, String text) throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("theorems/scan-and-snap", bundled));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + bundled);
    }
}
