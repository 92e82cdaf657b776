package org.theorycheck.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad runs given to a check on rung {@code external}: each is refused when the claim file loads, with one line naming
 * the file, the line and the column (or the claim file's {@code runs:}), exit code 2, and nothing written.
 */
class ExternalRunsBadInputTest {

    private static final String SYN_SMALL = "experiments/scan-and-snap/syn-small.yaml";
    private static final String DECAY = "src/test/resources/decay/experiments/exponential-decay/one-weight.yaml";

    /** Seeds 1..3 of Syn-Small, 10 steps, as train writes them; each test copies them. */
    @TempDir
    static Path pristine;

    @TempDir
    Path tmp;

    private Path runs;

    @BeforeAll
    static void train() {
        for (int s = 1; s <= 3; s++) {
            train(pristine.resolve("seed-" + s), SYN_SMALL, "seeds=" + s);
        }
        train(pristine.resolve("fast-seed-2"), SYN_SMALL, "seeds=2", "train.eta_z=0.5");
        train(pristine.resolve("decay"), DECAY, "train.steps=10", "seeds=2");
        Cli.Outcome o = Cli.run("integrate", SYN_SMALL, "train.steps=10", "--rung", "map", "--out",
                pristine.resolve("map").toString());
        assertThat(o.code()).as(o.err()).isZero();
    }

    private static void train(Path out, String experiment, String... overrides) {
        List<String> args = new ArrayList<>(List.of("train", experiment, "train.steps=10"));
        args.addAll(List.of(overrides));
        args.addAll(List.of("--out", out.toString()));
        Cli.Outcome o = Cli.run(args.toArray(String[]::new));
        assertThat(o.code()).as(o.err()).isZero();
    }

    /** tmp/runs/seed-1..3: a copy of the pristine runs. */
    private Path runs() throws IOException {
        runs = tmp.resolve("runs");
        for (int s = 1; s <= 3; s++) {
            copy(pristine.resolve("seed-" + s), runs.resolve("seed-" + s));
        }
        return runs;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void emptied(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file);
        String after = change.apply(before);
        assertThat(after).as("the edit changes " + file).isNotEqualTo(before);
        Files.writeString(file, after);
    }

    private Path claim(String runsValue, String... extraLines) throws IOException {
        StringBuilder sb = new StringBuilder("""
                id: bad-runs
                theory: scan-and-snap
                source: Theorem 3
                statement: the distinct tokens' logits end up ordered by P(l|n)
                checks:
                  - name: runs from files
                    rung: external
                    experiment: %s
                    overrides: [train.steps=10, seeds=1..3]
                    quantity: frequency_order
                    tolerance: 0.1
                    expected: HOLDS_APPROX
                """.formatted(SYN_SMALL));
        if (runsValue != null) {
            sb.append("    runs: ").append(runsValue).append('\n');
        }
        for (String line : extraLines) {
            sb.append("    ").append(line).append('\n');
        }
        return Files.writeString(tmp.resolve("claim.yaml"), sb.toString());
    }

    /** verify --out: exit 2, one line with every fragment, and no table written. */
    private void refused(Path claim, String... fragments) {
        Path table = tmp.resolve("out/table.md");
        Cli.Outcome o = Cli.run("verify", claim.toString(), "--out", table.toString());
        assertThat(o.code()).as(o.out() + o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(fragments);
        assertThat(table).doesNotExist();
        assertThat(Cli.run("verify", "--dry-run", claim.toString()).code()).isEqualTo(Main.EXIT_BAD_INPUT);
    }

    private String runsValue() {
        return runs.toString();
    }

    @Test
    void theRunsAsTrainWritesThemAreValid() throws IOException {
        runs();
        Cli.Outcome o = Cli.run("verify", claim(runsValue()).toString(), "--out", tmp.resolve("out/table.md").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(tmp.resolve("out/table.md")).content().contains("| runs from files | external |", "HOLDS_APPROX");
    }

    @Test
    void aMissingColumn() throws IOException {
        runs();
        Path attention = runs.resolve("seed-2/attention.csv");
        edit(attention, t -> t.replaceAll("(?m)^([^,\\n]*,[^,\\n]*,[^,\\n]*,[^,\\n]*,[^,\\n]*),[^,\\n]*,", "$1,"));
        refused(claim(runsValue()), attention + ":1: z: is missing; scan-and-snap's attention.csv needs the columns step, "
                + "next_token, token, z and, optionally, role, p, c, a", "(in the runs of the check at " + tmp.resolve("claim.yaml"));
    }

    @Test
    void aColumnOfAnotherTheory() throws IOException {
        runs();
        Path seed2 = runs.resolve("seed-2");
        emptied(seed2);
        copy(pristine.resolve("decay"), seed2);
        refused(claim(runsValue()), seed2.resolve("run.fingerprint") + ":4: theory: exponential-decay here, but the check is "
                + "of theory scan-and-snap: these are runs of another theory");
        for (int s = 1; s <= 3; s++) {
            Files.delete(runs.resolve("seed-" + s).resolve("run.fingerprint"));
        }
        refused(claim(runsValue()), seed2.resolve("trace.csv") + ":1: w: is not a column of scan-and-snap's trace.csv (is it a "
                + "run of another theory, or a misspelt name?); its columns are step, loss, row_sum_drift_y, row_sum_drift_z and, "
                + "optionally, distinct_entropy, decoder_residual");
    }

    @Test
    void stepsThatDoNotIncrease() throws IOException {
        runs();
        Path trace = runs.resolve("seed-1/trace.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.add(3, lines.remove(4));
        Files.write(trace, lines);
        refused(claim(runsValue()), trace + ":5: step: is 4 after 6 on line 4; the steps of trace.csv must increase");
    }

    @Test
    void aNaNWhereANumberIsNeeded() throws IOException {
        runs();
        Path attention = runs.resolve("seed-3/attention.csv");
        edit(attention, t -> t.replaceFirst("\n2,0,0,common,([^,]*),([^,]*),", "\n2,0,0,common,$1,NaN,"));
        refused(claim(runsValue()), attention + ":42: z: is NaN; a value must be a finite number, and a run that reached "
                + "NaN diverged and cannot be checked");
        edit(attention, t -> t.replace(",NaN,", ",,"));
        refused(claim(runsValue()), attention + ":42: z: is empty, but z needs a number here");
    }

    @Test
    void anEmptyFieldWhereAValueMayBeUndefinedIsAccepted() throws IOException {
        runs();
        edit(runs.resolve("seed-1/trace.csv"), t -> t.replaceFirst("\n4,[^,]*,", "\n4,,"));
        Cli.Outcome o = Cli.run("verify", claim(runsValue()).toString());
        assertThat(o.code()).as(o.err()).isZero();
    }

    @Test
    void aSeedDirectoryMissingOrEmpty() throws IOException {
        runs();
        Path seed3 = runs.resolve("seed-3");
        emptied(seed3);
        Path claim = claim(runsValue());
        refused(claim, claim + ":13: checks.runs: " + runs + ": " + seed3 + " is empty; a run's directory holds the files "
                + "train --out writes");
        Files.delete(seed3);
        refused(claim, claim + ":13: checks.runs: " + runs + ": no run of seed 3: " + seed3 + " does not exist; runs: " + runs
                + " reads " + runs.resolve("seed-<n>") + " for each seed of the check's experiment [1, 2, 3]");
    }

    @Test
    void aRunShorterThanTheCheckNeeds() throws IOException {
        runs();
        Path trace = runs.resolve("seed-2/trace.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.remove(lines.size() - 1);
        Files.write(trace, lines);
        refused(claim(runsValue()), trace + ":6: step: the run ends at step 8, but the check's experiment runs 10 steps");
    }

    @Test
    void filesOfTwoExperimentsMixedInOneRuns() throws IOException {
        runs();
        Path seed2 = runs.resolve("seed-2");
        emptied(seed2);
        copy(pristine.resolve("fast-seed-2"), seed2);
        refused(claim(runsValue()), seed2.resolve("run.fingerprint") + ":21: train.eta_z: 0.5 here, 1.0 in "
                + runs.resolve("seed-1/run.fingerprint") + "; files of two different experiments are mixed in runs: " + runs);
    }

    @Test
    void runsOfAnotherExperimentThanTheChecks() throws IOException {
        runs();
        Path claim = claim(runsValue());
        edit(claim, t -> t.replace("seeds=1..3]", "seeds=1..3, train.batch=64]"));
        refused(claim, runs.resolve("seed-1/run.fingerprint") + ":23: train.batch: 128 here, 64 in the check's experiment");
    }

    @Test
    void aRunInTheDirectoryOfAnotherSeed() throws IOException {
        runs();
        Path seed2 = runs.resolve("seed-2");
        Files.copy(runs.resolve("seed-1/run.fingerprint"), seed2.resolve("run.fingerprint"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refused(claim(runsValue()), seed2.resolve("run.fingerprint") + ":7: seed: 1 here, but the directory holds the run of seed 2");
    }

    @Test
    void runsOfTwoSourcesMixed() throws IOException {
        runs();
        Files.delete(runs.resolve("seed-3/run.fingerprint"));
        refused(claim(runsValue()), "checks.runs", runs.resolve("seed-1") + " holds run.fingerprint (theorycheck wrote it) and "
                + runs.resolve("seed-3") + " has none: runs from two sources are mixed");
    }

    @Test
    void runsOfAnotherRung() throws IOException {
        runs();
        for (int s = 1; s <= 3; s++) {
            Path seed = runs.resolve("seed-" + s);
            Files.copy(pristine.resolve("map/run.fingerprint"), seed.resolve("run.fingerprint"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (s > 1) {
                edit(seed.resolve("run.fingerprint"), t -> t.replace("seed: 1", "seed: " + seedOf(seed)));
            }
        }
        refused(claim(runsValue()), runs.resolve("seed-1/run.fingerprint") + ":6: rung: map here, but the runs of the check's "
                + "experiment are rung sgd");
    }

    private static String seedOf(Path seed) {
        return seed.getFileName().toString().substring("seed-".length());
    }

    @Test
    void aFieldThatIsNotANumberAndARowOfAnotherWidth() throws IOException {
        runs();
        Path trace = runs.resolve("seed-1/trace.csv");
        edit(trace, t -> t.replaceFirst("\n6,[^,]*,", "\n6,abc,"));
        refused(claim(runsValue()), trace + ":5: loss: 'abc' is not a number");
        edit(trace, t -> t.replaceFirst("\n6,abc,", "\n6,1.0,2.0,"));
        refused(claim(runsValue()), trace + ":5: has 7 fields, the header has 6");
    }

    @Test
    void globsNameRunsByTheNumberTheirNamesEndIn() throws IOException {
        runs();
        Cli.Outcome ok = Cli.run("verify", claim("\"" + runs + "/seed-*\"").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        refused(claim("\"" + runs + "/run-*\""), "checks.runs", "run-*: matches no directory");
        copy(pristine.resolve("fast-seed-2"), runs.resolve("seed-7"));
        refused(claim("\"" + runs + "/seed-*\""), "checks.runs", "matches runs of the seeds [7], which the check's experiment does "
                + "not list ([1, 2, 3])");
    }

    @Test
    void theClaimFileSaysWhereItsRunsAre() throws IOException {
        runs();
        refused(claim(null), ":6: checks.runs: is missing (required on rung external)");
        refused(claim(runsValue(), "quick: [train.steps=5]"), "checks.quick: runs read from files are what they are");
        Path onSgd = Files.writeString(tmp.resolve("claim.yaml"), Files.readString(claim(runsValue()))
                .replace("rung: external", "rung: sgd"));
        refused(onSgd, "checks.runs: is for rung external (runs read from files); this check's rung is sgd");
        Path swept = Files.writeString(tmp.resolve("claim.yaml"), Files.readString(claim(runsValue()))
                .replace("seeds=1..3]", "seeds=1..3, \"train.eta_z=[0.5,1]\"]"));
        refused(swept, "checks.experiment: sweeps train.eta_z, but runs read from files are the runs of one configuration");
        Path notOnIts = Files.writeString(tmp.resolve("claim.yaml"), Files.readString(claim(runsValue()))
                .replace("quantity: frequency_order", "quantity: sandwich_bound"));
        refused(notOnIts, "checks.rung: quantity sandwich_bound is not meaningful on rung sgd, the rung of the check's experiment");
    }
}
