package org.theorycheck.theories.scansnap.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code train} and {@code integrate} write {@code trace.csv} and {@code attention.csv} as one set: a run
 * whose second file cannot be written (as a kill between the two would leave it) leaves the previous
 * run's pair whole, not a new trace beside a torn attention table.
 */
class TraceFilesTest {

    @TempDir
    Path dir;

    private static Trajectory run(int steps) {
        return SgdRun.run(TestExperiments.synSmall("train.steps=" + steps, "train.record_every=1", "seeds=1"), 1, s -> { });
    }

    /**
     * The trajectory of {@code run(steps)} whose attention table fails after its first step's rows: the first
     * snapshot carries measured attention, so every one must, and the second has none.
     */
    private static Trajectory failingInItsAttentionTable(int steps) {
        Trajectory t = run(steps);
        List<Trajectory.Snapshot> snapshots = new ArrayList<>(t.snapshots());
        Trajectory.Snapshot first = snapshots.get(0);
        snapshots.set(0, new Trajectory.Snapshot(first.step(), first.loss(), first.zRows(), first.decoderResidual(),
                first.extras(), first.zRows()));
        return new Trajectory(t.rung(), t.classes(), snapshots, t.undetermined());
    }

    @Test
    void aFailureInTheSecondFileLeavesThePreviousPair() throws IOException {
        TraceCsv.write(run(3), dir);
        byte[] trace = Files.readAllBytes(dir.resolve("trace.csv"));
        byte[] attention = Files.readAllBytes(dir.resolve("attention.csv"));

        assertThatThrownBy(() -> TraceCsv.write(failingInItsAttentionTable(6), dir)).isInstanceOf(NullPointerException.class);

        assertThat(Files.readAllBytes(dir.resolve("trace.csv"))).as("the previous trace").isEqualTo(trace);
        assertThat(Files.readAllBytes(dir.resolve("attention.csv"))).as("the previous attention table").isEqualTo(attention);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("trace.csv", "attention.csv");
        }
    }

    /** Negative control: a run that writes both files replaces both. */
    @Test
    void aWholeRunReplacesBothFiles() throws IOException {
        TraceCsv.write(run(3), dir);
        List<String> before = Files.readAllLines(dir.resolve("attention.csv"));
        TraceCsv.write(run(6), dir);
        assertThat(Files.readAllLines(dir.resolve("trace.csv"))).hasSize(1 + 7);
        assertThat(Files.readAllLines(dir.resolve("attention.csv"))).hasSizeGreaterThan(before.size());
    }
}
