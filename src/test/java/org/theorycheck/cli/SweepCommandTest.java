package org.theorycheck.cli;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.sweep.RunResult;
import org.theorycheck.core.sweep.SweepJournal;
import org.theorycheck.core.sweep.SweepPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code sweep} command: the files of DESIGN.md, the same bytes whatever the thread count, and a
 * resumed sweep (journal with finished runs and a torn last line) that redoes only what is missing.
 */
class SweepCommandTest {

    /** A small grid: 2 cells × 3 seeds of a 10-step Syn-Small. */
    static final String[] GRID = {TestExperiments.SYN_SMALL.toString(), "train.steps=10", "train.eta_z=[0.5,1]", "seeds=1..3"};

    @TempDir
    Path tmp;

    private Cli.Outcome sweep(Path out, int threads) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(GRID));
        args.addAll(List.of("--threads", Integer.toString(threads), "--out", out.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void outputIsByteIdenticalWithOneAndTwoThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertThat(sweep(one, 1).code()).isZero();
        Cli.Outcome o = sweep(two, 2);
        assertThat(o.code()).as(o.err()).isZero();
        for (String file : List.of("runs.csv", "summary.csv")) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
    }

    @Test
    void runsAndSummaryHaveTheDesignedColumnsAndConsistentStatistics() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(sweep(out, 2).code()).isZero();
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(runs.get(0)).isEqualTo("train.eta_z,seed,distinct_entropy,loss");
        assertThat(runs.subList(1, runs.size())).extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly("0.5,1", "0.5,2", "0.5,3", "1,1", "1,2", "1,3");
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("train.eta_z,n,distinct_entropy_mean,distinct_entropy_std,loss_mean");
        assertThat(summary).hasSize(3);
        for (int cell = 0; cell < 2; cell++) {
            double[] h = new double[3];
            double lossSum = 0;
            for (int s = 0; s < 3; s++) {
                String[] f = runs.get(1 + 3 * cell + s).split(",");
                h[s] = Double.parseDouble(f[2]);
                lossSum += Double.parseDouble(f[3]);
            }
            double mean = (h[0] + h[1] + h[2]) / 3;
            double var = 0;
            for (double v : h) {
                var += (v - mean) * (v - mean);
            }
            double sampleStd = Math.sqrt(var / 2);   // sample standard deviation over seeds (n − 1)
            String[] f = summary.get(1 + cell).split(",");
            assertThat(f[0]).isEqualTo(cell == 0 ? "0.5" : "1");
            assertThat(f[1]).isEqualTo("3");
            assertThat(Double.parseDouble(f[2])).isCloseTo(mean, within(1e-12));
            assertThat(Double.parseDouble(f[3])).isCloseTo(sampleStd, within(1e-12));
            assertThat(Double.parseDouble(f[4])).isCloseTo(lossSum / 3, within(1e-12));
        }
    }

    @Test
    void resumedSweepRedoesOnlyMissingRunsAndEndsWithTheSameFiles() throws IOException {
        Path whole = tmp.resolve("whole");
        assertThat(sweep(whole, 1).code()).isZero();
        List<String> journal = Files.readAllLines(whole.resolve("runs.journal.csv"));
        assertThat(journal).hasSize(1 + 6);

        // a killed sweep: header, two finished runs, and a third torn in the middle of its line
        Path resumed = tmp.resolve("resumed");
        Files.createDirectories(resumed);
        String torn = journal.get(3).substring(0, journal.get(3).length() - 5);
        Files.writeString(resumed.resolve("runs.journal.csv"),
                journal.get(0) + "\n" + journal.get(1) + "\n" + journal.get(2) + "\n" + torn, StandardCharsets.UTF_8);
        Cli.Outcome o = sweep(resumed, 2);
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("(2 resumed from the journal)");
        for (String file : List.of("runs.csv", "summary.csv")) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        // every run is in the journal exactly once: none was done twice, none lost
        List<String> after = Files.readAllLines(resumed.resolve("runs.journal.csv"));
        assertThat(after).hasSize(1 + 6);
        Set<String> runs = new HashSet<>();
        for (String line : after.subList(1, after.size())) {
            String[] f = line.split(",");
            assertThat(runs.add(f[0] + "," + f[1])).as("run %s journaled once", f[0] + "," + f[1]).isTrue();
        }
        // a second restart finds everything done and rewrites the same files
        Cli.Outcome again = sweep(resumed, 2);
        assertThat(again.out()).contains("(6 resumed from the journal)");
        assertThat(Files.readAllBytes(resumed.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("runs.csv")));
    }

    /** A journaled run is taken from the journal, not recomputed: a marked value survives into runs.csv. */
    @Test
    void journaledRunIsNotRecomputed() throws IOException {
        Path out = tmp.resolve("marked");
        SweepPlan<ExperimentConfig> plan = TestExperiments.plan(Path.of(GRID[0]), List.of(GRID).subList(1, GRID.length));
        SweepJournal.open(out.resolve(SweepJournal.FILE_NAME), plan).record(new RunResult(1, 2, 123.0, 0.5));
        assertThat(sweep(out, 2).code()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).contains("1,2,123.0,0.5");
    }

    /** Bad input (the --out directory holds another grid's journal): one message, exit 2, no results. */
    @Test
    void journalOfAnotherGridIsRefused() throws IOException {
        Path out = tmp.resolve("other");
        Files.createDirectories(out);
        Files.writeString(out.resolve("runs.journal.csv"), "train.batch,seed,distinct_entropy,loss\n", StandardCharsets.UTF_8);
        Cli.Outcome o = sweep(out, 1);
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(out.resolve("runs.journal.csv") + ":1:", "another grid");
        assertThat(out.resolve("runs.csv")).doesNotExist();
    }
}
