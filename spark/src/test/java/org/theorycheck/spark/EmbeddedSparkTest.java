package org.theorycheck.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.cli.Main;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.Theories;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.ClaimRunner;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --engine spark} embedded ({@code local[N]}): the same bytes as the local engine for sweeps at
 * one and two executor threads, the same verify table, a resumed sweep that redoes only what its
 * journal lacks, the local engine's message and exit code 3 for a diverging run, exit 2 for a bad
 * configuration before Spark starts, checks that run after their files are deleted (each task carries
 * its check and its experiment's text), and a figure's files equal to the local engine's. The grids are tiny: the point is equality, not speed.
 */
class EmbeddedSparkTest {

    /** 2 cells × 3 seeds of a 10-step Syn-Small (the core's sweep tests use the same grid). */
    static final List<String> GRID = List.of("experiments/scan-and-snap/syn-small.yaml", "train.steps=10", "train.eta_z=[0.5,1]", "seeds=1..3");

    @TempDir
    Path tmp;

    static Cli.Outcome sweep(List<String> grid, Path out, String... engine) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(grid);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(engine));
        return Cli.run(args);
    }

    static void assertSameSweepFiles(Path actual, Path expected) throws IOException {
        for (String file : List.of("runs.csv", "summary.csv")) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }

    @Test
    void sweepOnSparkIsByteIdenticalToTheLocalEngineAtOneAndTwoThreads() throws IOException {
        Path local = tmp.resolve("local");
        assertThat(sweep(GRID, local, "--threads", "2").code()).isZero();
        for (String threads : List.of("1", "2")) {
            Path spark = tmp.resolve("spark-" + threads);
            Cli.Outcome o = sweep(GRID, spark, "--engine", "spark", "--threads", threads);
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(o.out()).contains("6 runs (0 resumed from the journal)", "on Spark local[" + threads + "]");
            assertSameSweepFiles(spark, local);
            assertThat(Files.readAllLines(spark.resolve("runs.journal.csv"))).as("each run journaled once").hasSize(1 + 6);
        }
    }

    /** A killed driver leaves a journal; restarted with the same --out, Spark redoes only the runs it lacks. */
    @Test
    void resumedSparkSweepRedoesOnlyWhatTheJournalLacks() throws IOException {
        Path local = tmp.resolve("local");
        assertThat(sweep(GRID, local).code()).isZero();
        List<String> journal = Files.readAllLines(local.resolve("runs.journal.csv"));
        Path resumed = tmp.resolve("resumed");
        Files.createDirectories(resumed);
        String torn = journal.get(3).substring(0, journal.get(3).length() - 4);
        Files.writeString(resumed.resolve("runs.journal.csv"),
                journal.get(0) + "\n" + journal.get(1) + "\n" + journal.get(2) + "\n" + torn, StandardCharsets.UTF_8);
        Cli.Outcome o = sweep(GRID, resumed, "--engine", "spark", "--threads", "2");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("(2 resumed from the journal)");
        assertSameSweepFiles(resumed, local);
        assertThat(Files.readAllLines(resumed.resolve("runs.journal.csv"))).hasSize(1 + 6);
    }

    @Test
    void verifyTableOnSparkEqualsTheLocalOneButForTheSeconds() throws IOException {
        List<String> claims = List.of("theorems/scan-and-snap/lemma1-row-sums.yaml", "theorems/scan-and-snap/cor1-decoder-convergence.yaml");
        Path local = tmp.resolve("local.csv");
        Path spark = tmp.resolve("spark.csv");
        List<String> args = new ArrayList<>(List.of("verify", "--format", "csv"));
        args.addAll(claims);
        List<String> localArgs = new ArrayList<>(args);
        localArgs.addAll(List.of("--out", local.toString()));
        assertThat(Cli.run(localArgs).code()).isZero();
        List<String> sparkArgs = new ArrayList<>(args);
        sparkArgs.addAll(List.of("--out", spark.toString(), "--engine", "spark", "--threads", "2"));
        Cli.Outcome o = Cli.run(sparkArgs);
        assertThat(o.code()).as(o.err()).isZero();
        List<String> expected = withoutSeconds(Files.readAllLines(local));
        assertThat(expected).hasSize(1 + 8);
        assertThat(withoutSeconds(Files.readAllLines(spark))).isEqualTo(expected);
    }

    /**
     * The task form a cluster needs: every check carries its claim's check and its experiment's text, so
     * the checks run although the claim file and the experiment file are deleted once the tasks are made.
     */
    @Test
    void checksRunOnSparkAfterTheirFilesAreGone() throws Exception {
        Path experiment = tmp.resolve("experiment.yaml");
        Files.copy(Path.of("experiments/scan-and-snap/syn-small.yaml"), experiment);
        Path claim = Files.createDirectories(tmp.resolve("theorems/scan-and-snap")).resolve("claim.yaml");
        Files.writeString(claim, Files.readString(Path.of("theorems/scan-and-snap/cor1-decoder-convergence.yaml"))
                .replace("experiment: experiments/scan-and-snap/syn-small.yaml", "experiment: " + experiment));
        Theories theories = Theories.discovered();
        List<CheckResult> local = new ClaimRunner(theories, false, 2).run(ClaimFiles.load(List.of(claim), theories), r -> { });
        List<Claim> claims = ClaimFiles.load(List.of(claim), theories);
        List<CheckResult> spark;
        try (SparkEngine engine = new SparkEngine(null, 2)) {
            Engine deletingFirst = new Engine() {
                @Override
                public <I extends Serializable, O extends Serializable> void run(List<I> inputs, Task<I, O> task,
                                                                                 BiConsumer<Integer, O> onOutput) throws InterruptedException {
                    try {
                        Files.delete(claim);
                        Files.delete(experiment);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    engine.run(inputs, task, onOutput);
                }

                @Override
                public String description() {
                    return engine.description();
                }

                @Override
                public void close() {}
            };
            spark = new ClaimRunner(theories, false, deletingFirst).run(claims, r -> { });
        }
        assertThat(claim).doesNotExist();
        assertThat(spark).hasSameSizeAs(local).isNotEmpty();
        for (int i = 0; i < local.size(); i++) {
            assertThat(spark.get(i).error()).isEmpty();
            assertThat(spark.get(i).verdict()).isEqualTo(local.get(i).verdict());
            assertThat(spark.get(i).measuredText()).isEqualTo(local.get(i).measuredText());
            assertThat(spark.get(i).check().location()).isEqualTo(local.get(i).check().location());
        }
    }

    /** A figure's data and images from its runs as Spark tasks are the local engine's, byte for byte. */
    @Test
    void figureOnSparkWritesTheLocalEnginesFiles() throws IOException {
        Path local = tmp.resolve("local");
        Cli.Outcome l = Cli.run(List.of("figure", "ladder", "--threads", "2", "--out", local.toString()));
        assertThat(l.code()).as(l.err()).isZero();
        Path spark = tmp.resolve("spark");
        Cli.Outcome o = Cli.run(List.of("figure", "ladder", "--engine", "spark", "--threads", "2", "--out", spark.toString()));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("ladder: done in", "on Spark local[2]");
        for (String file : FIGURE_FILES) {
            assertThat(Files.readAllBytes(spark.resolve(file))).as(file).isEqualTo(Files.readAllBytes(local.resolve(file)));
        }
    }

    static final List<String> FIGURE_FILES = List.of("ladder.csv", "ladder.svg", "ladder.png");

    /** The seconds column is wall time, different on every run of either engine; everything else must match. */
    static List<String> withoutSeconds(List<String> csv) {
        List<String> header = List.of(csv.get(0).split(","));
        int seconds = header.indexOf("seconds");
        assertThat(seconds).isPositive();
        List<String> out = new ArrayList<>();
        for (String line : csv) {
            out.add(line.replaceAll("^((?:(?:\"(?:[^\"]|\"\")*\"|[^,\"]*),){" + seconds + "})[^,]*", "$1"));
        }
        return out;
    }

    @Test
    void divergingRunStopsTheSparkSweepWithTheLocalMessageAndExitThree() {
        List<String> grid = List.of("experiments/scan-and-snap/syn-small.yaml", "train.eta_z=[1,1e300]", "model.init=uniform", "seeds=2");
        Cli.Outcome local = sweep(grid, tmp.resolve("local"), "--threads", "1");
        assertThat(local.code()).as(local.err()).isEqualTo(Main.EXIT_DIVERGED);
        Cli.Outcome spark = sweep(grid, tmp.resolve("spark"), "--engine", "spark", "--threads", "2");
        assertThat(spark.code()).as(spark.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(spark.errorLines()).singleElement().asString().containsPattern("diverged at step \\d+");
        assertThat(spark.errorLines()).isEqualTo(local.errorLines());
        assertThat(tmp.resolve("spark").resolve("runs.csv")).doesNotExist();
    }

    @Test
    void badConfigurationIsExitTwoBeforeSparkStarts() {
        Path out = tmp.resolve("bad");
        Cli.Outcome o = sweep(List.of("experiments/scan-and-snap/syn-small.yaml", "train.eta_zz=[1,2]"), out, "--engine", "spark");
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("train.eta_zz", "names no key");
        assertThat(out).doesNotExist();
        assertThat(o.err()).as("no Spark log: the context was never created").doesNotContain("Spark");
    }
}
