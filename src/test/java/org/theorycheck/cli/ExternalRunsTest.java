package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.Theories;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.ClaimRunner;
import org.theorycheck.core.claims.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs read from files (rung {@code external}): {@code train --out} runs of seeds 1–3, checked as external, get the
 * verdicts and the measured values, bit for bit, of the same check on the rung that computed them, for every theory
 * (Scan and Snap on the synthetic classes with the YZ model and with the transformer, and on text; the exponential
 * decay of the test sources); runs written by hand get the verdicts their numbers call for, with their files'
 * checksums in the evidence.
 */
class ExternalRunsTest {

    private static final String SYN_SMALL = "experiments/scan-and-snap/syn-small.yaml";
    private static final String SYN_SMALL_TRANSFORMER = "experiments/scan-and-snap/syn-small-transformer.yaml";
    private static final String BROWN = "experiments/scan-and-snap/fig7-brown.yaml";
    private static final String DEEP_LINEAR = "experiments/deep-linear/synthetic-small.yaml";
    private static final String DECAY = "src/test/resources/decay/experiments/exponential-decay/one-weight.yaml";
    private static final Path HAND_WRITTEN = Path.of("src/test/resources/external");

    @TempDir
    Path tmp;

    /** One quantity with its parameters, checked on a computed rung and on the same runs read from files. */
    private record Pair(String quantity, String params) {}

    /** Trains seeds 1..{@code seeds} of the experiment with the overrides into {@code tmp/runs/seed-<n>}. */
    private Path train(String experiment, int seeds, String... overrides) {
        Path runs = tmp.resolve("runs");
        for (int s = 1; s <= seeds; s++) {
            List<String> args = new ArrayList<>(List.of("train", experiment));
            args.addAll(List.of(overrides));
            args.addAll(List.of("seeds=" + s, "--out", runs.resolve("seed-" + s).toString()));
            Cli.Outcome o = Cli.run(args.toArray(String[]::new));
            assertThat(o.code()).as(o.err()).isZero();
        }
        return runs;
    }

    /** A claim file with, for each pair, the check on {@code rung} and the same check on the runs read from {@code runs}. */
    private Path claims(String theory, String experiment, List<String> overrides, String rung, Path runs, List<Pair> pairs)
            throws IOException {
        StringBuilder sb = new StringBuilder("id: round-trip\ntheory: " + theory + "\nsource: train --out\nstatement: the same "
                + "runs, computed and read back\nchecks:\n");
        for (Pair p : pairs) {
            for (String on : List.of(rung, ClaimFiles.EXTERNAL)) {
                sb.append("  - name: \"").append(p.quantity()).append(' ').append(p.params()).append(" on ").append(on).append("\"\n")
                        .append("    rung: ").append(on).append('\n')
                        .append(on.equals(rung) ? "" : "    runs: " + runs + "\n")
                        .append("    experiment: ").append(experiment).append('\n')
                        .append("    overrides: ").append(overrides).append('\n')
                        .append("    quantity: ").append(p.quantity()).append('\n')
                        .append("    params: ").append(p.params()).append('\n')
                        .append("    tolerance: 0.1\n    expected: HOLDS\n");
            }
        }
        return Files.writeString(tmp.resolve("round-trip.yaml"), sb.toString());
    }

    private static List<CheckResult> verify(Path claims) throws InterruptedException {
        Theories theories = Theories.discovered();
        List<Claim> loaded = ClaimFiles.load(List.of(claims), theories);
        return new ClaimRunner(theories, false, 1).run(loaded, r -> { });
    }

    /** Each external check measured what its computed twin measured: verdict, value, deviations, worst case. */
    private static void assertRoundTrip(List<CheckResult> results) {
        assertThat(results).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < results.size(); i += 2) {
            CheckResult computed = results.get(i);
            CheckResult read = results.get(i + 1);
            assertThat(read.check().rung()).isEqualTo(ClaimFiles.EXTERNAL);
            assertThat(computed.verdict()).as(computed.check().name() + ": " + computed.error()).isNotEqualTo(Verdict.ERROR);
            assertThat(read.verdict()).as(read.check().name() + ": " + read.error()).isEqualTo(computed.verdict());
            assertThat(read.measurement().value()).as(read.check().name()).isEqualTo(computed.measurement().value());
            assertThat(read.measurement().deviations()).as(read.check().name()).isEqualTo(computed.measurement().deviations());
            assertThat(read.measurement().counterexample().replace(ClaimFiles.EXTERNAL, computed.check().rung()))
                    .isEqualTo(computed.measurement().counterexample());
            assertThat(read.evidence()).startsWith(computed.evidence() + "; runs read from files (SHA-256) ")
                    .contains("seed-1: trace.csv ");
        }
    }

    @Test
    void scanAndSnapRunsOfTheYZModelReadBackMeasureAsComputed() throws Exception {
        Path runs = train(SYN_SMALL, 3);
        assertRoundTrip(verify(claims("scan-and-snap", SYN_SMALL, List.of("seeds=1..3"), "sgd", runs, List.of(
                new Pair("frequency_order", "{}"),
                new Pair("logit_direction", "{tokens: distinct, direction: increase}"),
                new Pair("logit_direction", "{tokens: common, direction: decrease}"),
                new Pair("entropy_floor", "{fraction: 0.5}"),
                new Pair("relative_gain_identity", "{}"),
                new Pair("row_sum_drift", "{}"),
                new Pair("rung_gap", "{against: map}")))));
    }

    @Test
    void runsReadBackAreTheRunsTheSgdRungComputes() throws Exception {
        Path runs = train(SYN_SMALL, 2, "train.steps=20");
        Path claims = claims("scan-and-snap", SYN_SMALL, List.of("seeds=1..2", "train.steps=20"), "sgd", runs,
                List.of(new Pair("rung_gap", "{against: sgd}")));
        CheckResult read = verify(claims).get(1);
        assertThat(read.measurement().deviations()).as(read.error()).containsExactly(0, 0);
    }

    @Test
    void classesThatShareAQueryAndAUniformStartReadBackAsComputed() throws Exception {
        String[] overrides = {"data.queries=1", "data.next_per_query=2", "model.init=uniform", "train.steps=40"};
        Path runs = train(SYN_SMALL, 3, overrides);
        List<String> all = new ArrayList<>(List.of(overrides));
        all.add("seeds=1..3");
        assertRoundTrip(verify(claims("scan-and-snap", SYN_SMALL, all, "sgd", runs, List.of(
                new Pair("frequency_order", "{}"),
                new Pair("logit_direction", "{tokens: common, direction: decrease}")))));
    }

    @Test
    void transformerRunsReadBackMeasureAsComputed() throws Exception {
        Path runs = train(SYN_SMALL_TRANSFORMER, 3, "train.steps=30");
        assertRoundTrip(verify(claims("scan-and-snap", SYN_SMALL_TRANSFORMER, List.of("seeds=1..3", "train.steps=30"), "transformer",
                runs, List.of(
                new Pair("frequency_order", "{}"),
                new Pair("logit_direction", "{}"),
                new Pair("entropy_floor", "{fraction: 0.5}"),
                new Pair("effective_z_agreement", "{reference: sgd, aspect: order}")))));
    }

    @Test
    void textRunsReadBackMeasureAsComputed() throws Exception {
        String[] overrides = {"corpus.min_count=100", "train.steps=40"};
        Path runs = train(BROWN, 1, overrides);
        assertRoundTrip(verify(claims("scan-and-snap", BROWN, List.of(overrides), "transformer", runs, List.of(
                new Pair("attention_sparsity", "{}"),
                new Pair("attention_freeze", "{measure: rate}"),
                new Pair("attention_freeze", "{measure: maps}")))));
    }

    @Test
    void deepLinearRunsOfTheRealNetworkReadBackMeasureAsComputed() throws Exception {
        Path runs = train(DEEP_LINEAR, 3);
        assertRoundTrip(verify(claims("deep-linear", DEEP_LINEAR, List.of("seeds=1..3"), "sgd", runs, List.of(
                new Pair("half_time", "{}"),
                new Pair("stronger_first", "{}"),
                new Pair("sigmoid", "{}"),
                new Pair("rung_gap", "{against: gd}"),
                new Pair("rung_gap", "{against: decoupled}")))));
    }

    @Test
    void runsOfTheExponentialDecayReadBackMeasureAsComputed() throws Exception {
        Path runs = train(DECAY, 3);
        assertRoundTrip(verify(claims("exponential-decay", DECAY, List.of("seeds=1..3"), "sgd", runs, List.of(
                new Pair("rung_gap", "{against: gd}"),
                new Pair("rung_gap", "{against: closed}"),
                new Pair("rung_gap", "{against: sgd}")))));
    }

    @Test
    void whatTheFilesDoNotHoldIsAnErrorNotAVerdict() throws Exception {
        Path runs = train(SYN_SMALL, 1, "model.init=uniform");
        List<CheckResult> results = verify(claims("scan-and-snap", SYN_SMALL, List.of("seeds=1", "model.init=uniform"), "sgd",
                runs, List.of(new Pair("decoder_convergence", "{}"), new Pair("rung_gap", "{against: map}"),
                        new Pair("snap_level", "{eta_z: [0.5, 1]}"), new Pair("row_sum_drift", "{}"))));
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.get(1).error()).contains("no decoder residual of each class", "decoder_convergence");
        assertThat(results.get(3).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.get(3).error()).contains("external has no z where map has one");
        assertThat(results.get(5).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.get(5).error()).contains("of the check's experiment only", "train.eta_z");
        assertThat(results.get(7).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.get(7).error()).contains("the trace has no z here", "row_sum_drift");
    }

    @Test
    void handWrittenRunsGetTheVerdictsTheirNumbersCallForWithTheirChecksums() throws Exception {
        Cli.Outcome o = Cli.run("verify", HAND_WRITTEN.resolve("theorems").toString(), "--format", "csv");
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("four digits of the closed form,external", "HOLDS_APPROX,HOLDS_APPROX",
                "a run that lags,external", "logits ordered as P,external", "logits reversed,external", "FAILS,FAILS");
        for (String run : List.of("decay-close/seed-1", "decay-close/seed-2", "decay-lagging/seed-2", "tiny-ordered/seed-1",
                "tiny-reversed/seed-1")) {
            Path dir = HAND_WRITTEN.resolve("runs").resolve(run);
            assertThat(o.out()).contains(dir + ": trace.csv " + sha256(dir.resolve("trace.csv")).substring(0, 16));
        }
        Path tiny = HAND_WRITTEN.resolve("runs/tiny-ordered/seed-1/attention.csv");
        assertThat(o.out()).contains("attention.csv " + sha256(tiny).substring(0, 16));
    }

    @Test
    void theMatrixShowsRunsReadFromFilesFirst() throws Exception {
        Cli.Outcome o = Cli.run("verify", HAND_WRITTEN.resolve("theorems/exponential-decay").toString(),
                "src/test/resources/decay/theorems/exponential-decay/small-rate.yaml", "--format", "matrix");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("| claim | external | gd |");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
