package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.TestExperiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep's journal is reused only for the very runs it would compute: a resume after a changed key (by
 * override or in the file) is refused naming the key, --restart starts over, shards of two experiments are
 * not merged, and a damaged row (edited, NaN) is dropped with a warning and its run done again, so that the
 * files equal those of a fresh sweep.
 */
class SweepJournalTest {

    /** 2 cells × 3 seeds of a 10-step Syn-Small. */
    private static final List<String> GRID = List.of(SweepCommandTest.GRID);

    @TempDir
    Path tmp;

    /** {@code sweep EXPERIMENT… --threads 1 --out OUT EXTRA…} (without --threads when merging). */
    static Cli.Outcome sweep(List<String> experiment, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(experiment);
        if (!List.of(extra).contains("--merge")) {
            args.addAll(List.of("--threads", "1"));
        }
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> with(List<String> experiment, String... overrides) {
        List<String> args = new ArrayList<>(experiment);
        args.addAll(List.of(overrides));
        return args;
    }

    /** A row with its checksum made right again: what a row that was journaled so would look like. */
    static String withChecksum(String row) {
        String body = row.substring(0, row.lastIndexOf(','));
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return body + "," + String.format("%08x", crc.getValue());
    }

    private void assertRefused(Cli.Outcome o, Path out, String... named) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(named);
        assertThat(o.out()).as("nothing ran").isEmpty();
    }

    @Test
    void aResumeWithAChangedKeyThatIsNotSweptIsRefusedNamingItAndRestartStartsOver() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(sweep(GRID, out).code()).isZero();
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));

        Cli.Outcome o = sweep(with(GRID, "train.steps=5"), out);
        assertRefused(o, out, out.resolve("runs.journal.csv").toString(), "another experiment", "train.steps 10 -> 5",
                "--restart", "another --out");
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).as("the previous results stand").isEqualTo(runs);

        Path fresh = tmp.resolve("fresh");
        assertThat(sweep(with(GRID, "train.steps=5"), fresh).code()).isZero();
        Cli.Outcome restarted = sweep(with(GRID, "train.steps=5"), out, "--restart");
        assertThat(restarted.code()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("(0 resumed from the journal)");
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(fresh.resolve("runs.csv")));
        assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(fresh.resolve("summary.csv")));
    }

    @Test
    void anEditedExperimentFileIsRefusedNamingTheKeysButAReformattedOneResumes() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("experiments/scan-and-snap")).resolve("my.yaml");
        Files.copy(TestExperiments.SYN_SMALL, file);
        List<String> grid = List.of(file.toString(), "train.steps=10", "seeds=1..2");
        Path out = tmp.resolve("out");
        assertThat(sweep(grid, out).code()).isZero();

        // the same experiment written otherwise: other key order, flow style, 1 for 1.0, comments
        Files.writeString(file, """
                # the same runs, written differently
                seeds: 1..3
                train: {steps: 100, record_every: 2, batch: 128, eta_ratio: 1, eta_z: 1, momentum: 0.90, optimizer: sgd}
                model: {init: zero, residual: false, normalize: true}
                data:
                  context: 127
                  distinct_weights: [0.1, 1]
                  common_weight: 1
                  distinct_per_next: 10
                  common_per_query: 0
                  common: 10
                  next_per_query: 1
                  queries: 2
                name: syn-small
                """);
        Cli.Outcome reformatted = sweep(grid, out);
        assertThat(reformatted.code()).as(reformatted.err()).isZero();
        assertThat(reformatted.out()).contains("(2 resumed from the journal)");

        Files.writeString(file, Files.readString(file).replace("momentum: 0.90", "momentum: 0.5").replace("batch: 128", "batch: 64"));
        Cli.Outcome edited = sweep(grid, out);
        assertRefused(edited, out, "another experiment", "train.momentum 0.9 -> 0.5", "train.batch 128 -> 64", "--restart");
    }

    /** More seeds and more grid values are still the same experiment: the runs already done are kept. */
    @Test
    void aLargerGridOfTheSameExperimentResumesItsRuns() {
        Path out = tmp.resolve("out");
        assertThat(sweep(GRID, out).code()).isZero();
        Cli.Outcome larger = sweep(with(GRID, "train.eta_z=[0.5,1,2]", "seeds=1..4"), out);
        assertThat(larger.code()).as(larger.err()).isZero();
        assertThat(larger.out()).contains("3 cells x 4 seeds", "(6 resumed from the journal)");
    }

    @Test
    void shardsOfTwoExperimentsAreNotMerged() {
        Path s0 = tmp.resolve("shard-0");
        Path s1 = tmp.resolve("shard-1");
        assertThat(sweep(GRID, s0, "--shard", "0/2").code()).isZero();
        assertThat(sweep(with(GRID, "train.steps=5"), s1, "--shard", "1/2").code()).isZero();
        Path merged = tmp.resolve("merged");
        Cli.Outcome o = sweep(GRID, merged, "--merge", s0.toString(), s1.toString());
        assertRefused(o, merged, s0.toString(), s1.toString(), "different experiments", "train.steps 10 -> 5");
        assertThat(merged).doesNotExist();

        // both shards of one experiment, merged under another
        Path s0b = tmp.resolve("shard-0b");
        assertThat(sweep(with(GRID, "train.steps=5"), s0b, "--shard", "0/2").code()).isZero();
        Cli.Outcome other = sweep(GRID, merged, "--merge", s0b.toString(), s1.toString());
        assertRefused(other, merged, s0b.toString(), s1.toString(), "another experiment than this command's",
                "train.steps 5 -> 10");
        assertThat(merged).doesNotExist();

        // negative control: the same two shards merged under their own experiment
        Cli.Outcome own = sweep(with(GRID, "train.steps=5"), merged, "--merge", s0b.toString(), s1.toString());
        assertThat(own.code()).as(own.err()).isZero();
    }

    @Test
    void aNaNRowIsDroppedWithAWarningAndItsRunDoneAgain() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(sweep(GRID, out).code()).isZero();
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));
        Path journal = out.resolve("runs.journal.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        String[] f = lines.get(2).split(",");
        f[3] = "NaN";   // the loss, with a checksum that matches: as if a NaN had been journaled
        lines.set(2, withChecksum(String.join(",", f)));
        Files.write(journal, lines);

        Cli.Outcome o = sweep(GRID, out);
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.errorLines()).singleElement().asString()
                .isEqualTo("warning: " + journal + ":3: its loss is NaN, not a finite number; the row is dropped and its run done again");
        assertThat(o.out()).contains("(5 resumed from the journal)");
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(runs);
        assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(summary);
    }

    @Test
    void anEditedRowIsDroppedWithAWarningAndItsRunDoneAgain() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(sweep(GRID, out).code()).isZero();
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        Path journal = out.resolve("runs.journal.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        String[] f = lines.get(4).split(",");
        f[2] = "9" + f[2].substring(1);   // the distinct-token entropy, edited by hand
        lines.set(4, String.join(",", f));
        Files.write(journal, lines);

        Cli.Outcome o = sweep(GRID, out);
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.errorLines()).singleElement().asString().isEqualTo("warning: " + journal
                + ":5: its checksum does not match (the row was edited, or damaged); the row is dropped and its run done again");
        assertThat(o.out()).contains("(5 resumed from the journal)");
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(runs);
        assertThat(Files.readAllLines(journal)).as("the journal holds every run once, the edited row gone").hasSize(1 + 6)
                .doesNotContain(lines.get(4));
    }

    @Test
    void aJournalOfTheFormerFormatIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("runs.journal.csv"), "train.eta_z,seed,distinct_entropy,loss\n1,2,123.0,0.5\n");
        Cli.Outcome o = sweep(GRID, out);
        assertRefused(o, out, out.resolve("runs.journal.csv") + ":1:", "earlier version", "--restart");
        assertThat(out.resolve("runs.csv")).doesNotExist();
        Cli.Outcome restarted = sweep(GRID, out, "--restart");
        assertThat(restarted.code()).as(restarted.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).noneMatch(l -> l.contains("123.0"));
    }
}
