package org.theorycheck.core.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.ShippingEngine;
import org.theorycheck.core.Theories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's task carries what it needs: shipped as bytes (as to another machine) and run after its claim
 * file and experiment file are gone, it gives the verdicts and numbers of a run on this machine, and its
 * messages still name the original files and lines.
 */
class ClaimRunnerTest {

    private static final Path CLAIM = Path.of("theorems/scan-and-snap/cor1-decoder-convergence.yaml");
    private static final Path EXPERIMENT = Path.of("experiments/scan-and-snap/syn-small.yaml");

    @TempDir
    Path tmp;

    /** An engine that ships each task as bytes, after deleting {@code gone}. */
    private static Engine shippingAfterDeleting(Path... gone) {
        return new ShippingEngine(2, () -> {
            try {
                for (Path p : gone) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A copy of the claim file in {@code tmp}, its checks naming a copy of the experiment there. */
    private Path[] copies() throws IOException {
        Path experiment = tmp.resolve("copied-experiment.yaml");
        Files.copy(EXPERIMENT, experiment);
        Path claim = Files.createDirectories(tmp.resolve("theorems/scan-and-snap")).resolve("copied-claim.yaml");
        Files.writeString(claim, Files.readString(CLAIM).replace("experiment: " + EXPERIMENT, "experiment: " + experiment));
        return new Path[] {claim, experiment};
    }

    @Test
    void checksShippedAsBytesRunWithoutTheirFilesAndGiveTheLocalResults() throws Exception {
        Theories theories = Theories.discovered();
        List<CheckResult> local = new ClaimRunner(theories, false, 2).run(ClaimFiles.load(List.of(CLAIM), theories), r -> { });
        Path[] files = copies();
        List<Claim> claims = ClaimFiles.load(List.of(files[0]), theories);
        List<CheckResult> shipped;
        try (Engine engine = shippingAfterDeleting(files)) {
            shipped = new ClaimRunner(theories, false, engine).run(claims, r -> { });
        }
        assertThat(files[0]).doesNotExist();
        assertThat(files[1]).doesNotExist();
        assertThat(shipped).hasSameSizeAs(local).hasSize(claims.get(0).checks().size());
        for (int i = 0; i < local.size(); i++) {
            CheckResult l = local.get(i);
            CheckResult s = shipped.get(i);
            assertThat(s.error()).isEmpty();
            assertThat(s.check().location()).isEqualTo(files[0] + ":" + l.check().line());
            assertThat(s.verdict()).as(s.check().name()).isEqualTo(l.verdict());
            assertThat(s.measuredText()).isEqualTo(l.measuredText());
            assertThat(s.measurement().deviations()).isEqualTo(l.measurement().deviations());
            assertThat(s.evidence()).isEqualTo(l.evidence());
        }
    }

    @Test
    void aShippedCheckNamesTheOriginalExperimentFileAndLineInItsError() throws Exception {
        Theories theories = Theories.discovered();
        Path[] files = copies();
        List<Claim> claims = ClaimFiles.load(List.of(files[0]), theories);
        // Valid when loaded, spoilt before the checks start: the text the tasks carry is the spoilt one.
        Files.writeString(files[1], Files.readString(files[1]).replaceFirst("(?m)^  batch: .*$", "  batch: many"));
        int line = Files.readAllLines(files[1]).indexOf("  batch: many") + 1;
        List<CheckResult> shipped;
        try (Engine engine = shippingAfterDeleting(files)) {
            shipped = new ClaimRunner(theories, false, engine).run(claims, r -> { });
        }
        assertThat(shipped).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.error()).startsWith(files[1] + ":" + line + ": train.batch");
        });
    }
}
