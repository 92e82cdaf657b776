package org.theorycheck.cli;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.sweep.SweepPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job arrays: {@code sweep --shard I/N} for every I, then {@code sweep --merge}, give the bytes of one
 * unsharded sweep; a missing shard, a bad shard and a Spark engine that is not on the class path are
 * bad input (exit 2, no output).
 */
class ShardedSweepTest {

    @TempDir
    Path tmp;

    private static Cli.Outcome sweep(String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SweepCommandTest.GRID));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void shardsPartitionThePlanInBalancedDisjointParts() {
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(ScanSnapExperiments.read(TestExperiments.SYN_SMALL).withOverrides(
                List.of("train.eta_z=[0.5,1,2]", "seeds=1..5")));
        Set<SweepPlan.Run> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            List<SweepPlan.Run> shard = plan.shard(i, 4);
            assertThat(shard.size()).isBetween(15 / 4, 15 / 4 + 1);
            for (SweepPlan.Run r : shard) {
                assertThat(seen.add(r)).as("run %s in one shard only", r).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(plan.runs());
    }

    @Test
    void mergedShardsEqualTheUnshardedSweep() throws IOException {
        Path whole = tmp.resolve("whole");
        assertThat(sweep("--threads", "2", "--out", whole.toString()).code()).isZero();
        List<String> merge = new ArrayList<>(List.of("--merge"));
        for (int i = 0; i < 4; i++) {
            Path shard = tmp.resolve("shard-" + i);
            Cli.Outcome o = sweep("--shard", i + "/4", "--threads", "1", "--out", shard.toString());
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(shard.resolve("runs.csv")).as("a shard writes only its journal").doesNotExist();
            merge.add(shard.toString());
        }
        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("--out", merged.toString()));
        args.addAll(merge);
        Cli.Outcome o = sweep(args.toArray(String[]::new));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("6 runs merged from 4 journals");
        for (String file : List.of("runs.csv", "summary.csv")) {
            assertThat(Files.readAllBytes(merged.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
    }

    @Test
    void mergeWithAShardMissingIsRefused() {
        Path shard = tmp.resolve("shard-0");
        assertThat(sweep("--shard", "0/2", "--out", shard.toString()).code()).isZero();
        Path merged = tmp.resolve("merged");
        Cli.Outcome o = sweep("--out", merged.toString(), "--merge", shard.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("3 of 6 runs are in no journal");
        assertThat(merged).doesNotExist();

        Cli.Outcome absent = sweep("--out", merged.toString(), "--merge", shard.toString(), tmp.resolve("nowhere").toString());
        assertThat(absent.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(absent.errorLines()).singleElement().asString().contains("nowhere", "no sweep journal here");
    }

    @Test
    void badShardIsRefusedBeforeAnyRun() {
        for (String bad : List.of("4/4", "1", "-1/2", "a/b", "0/0")) {
            Path out = tmp.resolve("bad");
            Cli.Outcome o = sweep("--shard", bad, "--out", out.toString());
            assertThat(o.code()).as(bad).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.errorLines()).singleElement().asString().contains("--shard", "I/N");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void sparkEngineOutsideTheSparkJarNamesTheJarToUse() {
        Path out = tmp.resolve("spark");
        Cli.Outcome o = sweep("--engine", "spark", "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("theorycheck-spark.jar", "spark/pom.xml");
        assertThat(out).doesNotExist();

        Cli.Outcome master = sweep("--master", "spark://127.0.0.1:7077", "--out", out.toString());
        assertThat(master.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(master.errorLines()).singleElement().asString().contains("--engine spark");
    }
}
