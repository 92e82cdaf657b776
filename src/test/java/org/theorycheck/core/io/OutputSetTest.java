package org.theorycheck.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A set of files is put in place whole or not at all: a write that fails leaves the previous set, a kill
 * after the commit record is completed by the next lock of the directory, a kill before it is cleared.
 */
class OutputSetTest {

    @TempDir
    Path dir;

    private void writeOldPair() throws IOException {
        Files.writeString(dir.resolve("trace.csv"), "old trace\n");
        Files.writeString(dir.resolve("attention.csv"), "old attention\n");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedSetReplacesThePreviousOneAndLeavesNoTemporaryFile() throws IOException {
        writeOldPair();
        try (OutputSet set = OutputSet.in(dir)) {
            set.text("trace.csv", "new trace\n").text("attention.csv", w -> w.write("new attention\n"));
            assertThat(Files.readString(dir.resolve("trace.csv"))).as("nothing replaced before the commit").isEqualTo("old trace\n");
            set.commit();
        }
        assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("new trace\n");
        assertThat(Files.readString(dir.resolve("attention.csv"))).isEqualTo("new attention\n");
        assertThat(names()).containsExactly("attention.csv", "trace.csv");
    }

    /** A kill between the two files of a run, simulated as a failure while the second is written. */
    @Test
    void aFailureWhileWritingTheSecondFileLeavesThePreviousPair() throws IOException {
        writeOldPair();
        try (OutputSet set = OutputSet.in(dir)) {
            set.text("trace.csv", "new trace\n");
            assertThatThrownBy(() -> set.text("attention.csv", w -> {
                w.write("half a fi");
                throw new IOException("No space left on device");
            })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("attention.csv").hasMessageContaining("No space left");
        }
        assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("old trace\n");
        assertThat(Files.readString(dir.resolve("attention.csv"))).isEqualTo("old attention\n");
        assertThat(names()).as("the temporary files are removed").containsExactly("attention.csv", "trace.csv");
    }

    /**
     * The state a kill leaves between the two renames of a commit: the record, the first file renamed, the
     * second still under its temporary name. Taking the directory's lock completes the set.
     */
    @Test
    void aKillBetweenTheRenamesIsCompletedWhenTheDirectoryIsNextTaken() throws IOException {
        writeOldPair();
        Files.writeString(dir.resolve("trace.csv"), "new trace\n");
        String attentionTemporary = ".attention.csv.k1" + OutputSet.PARTIAL;
        Files.writeString(dir.resolve(attentionTemporary), "new attention\n");
        Files.writeString(dir.resolve(OutputSet.COMMIT_PREFIX + "k1"),
                ".trace.csv.k0" + OutputSet.PARTIAL + "\ttrace.csv\n" + attentionTemporary + "\tattention.csv\n");
        try (OutputLock lock = OutputLock.acquire(dir, "test")) {
            assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("new trace\n");
            assertThat(Files.readString(dir.resolve("attention.csv"))).isEqualTo("new attention\n");
        }
        assertThat(names()).containsExactly("attention.csv", "trace.csv");
    }

    /** A kill before the record: the old set stands, and the next lock removes the temporary files. */
    @Test
    void aKillBeforeTheCommitLeavesThePreviousSetAndTheNextLockClearsTheRest() throws IOException {
        writeOldPair();
        Files.writeString(dir.resolve(".trace.csv.k2" + OutputSet.PARTIAL), "new trace\n");
        Files.writeString(dir.resolve(".attention.csv.k3" + OutputSet.PARTIAL), "new att");
        Files.writeString(dir.resolve(OutputSet.COMMIT_PREFIX + "k4" + OutputSet.PARTIAL), "a record being writ");
        try (OutputLock lock = OutputLock.acquire(dir, "test")) {
            assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("old trace\n");
            assertThat(Files.readString(dir.resolve("attention.csv"))).isEqualTo("old attention\n");
        }
        assertThat(names()).containsExactly("attention.csv", "trace.csv");
    }

    @Test
    void aTargetThatIsADirectoryFailsBeforeAnythingIsReplaced() throws IOException {
        writeOldPair();
        Files.createDirectory(dir.resolve("summary.csv"));
        try (OutputSet set = OutputSet.in(dir)) {
            set.text("trace.csv", "new trace\n").text("summary.csv", "new summary\n");
            assertThatThrownBy(set::commit).isInstanceOf(UncheckedIOException.class).hasMessageContaining("is a directory");
        }
        assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("old trace\n");
        assertThat(names()).containsExactly("attention.csv", "summary.csv", "trace.csv");
    }

    @Test
    void aSetNeverClosedWithACommitChangesNothing() throws IOException {
        writeOldPair();
        try (OutputSet set = OutputSet.in(dir)) {
            set.text("trace.csv", "new trace\n").text("attention.csv", "new attention\n");
        }
        assertThat(Files.readString(dir.resolve("trace.csv"))).isEqualTo("old trace\n");
        assertThat(names()).containsExactly("attention.csv", "trace.csv");
    }
}
