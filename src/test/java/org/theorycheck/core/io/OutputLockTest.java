package org.theorycheck.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * One writer per output directory: a second holder is refused with the first one's pid, command and start;
 * a lock file whose holder died is taken over with a note; a directory that cannot be written is refused
 * with the reason, before anything runs.
 */
class OutputLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondHolderIsRefusedNamingTheFirst() {
        Path dir = tmp.resolve("out");
        try (OutputLock first = OutputLock.acquire(dir, "theorycheck sweep experiments/scan-and-snap/syn-small.yaml --out out")) {
            assertThat(first.takenOver()).isEmpty();
            assertThatThrownBy(() -> OutputLock.acquire(dir, "theorycheck train x.yaml"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("being written by another command")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("theorycheck sweep experiments/scan-and-snap/syn-small.yaml --out out")
                    .hasMessageContaining("started 20");
        }
        try (OutputLock again = OutputLock.acquire(dir, "theorycheck train x.yaml")) {
            assertThat(again.takenOver()).as("a released lock is free, and left no file to take over").isEmpty();
        }
    }

    @Test
    void aLockFileLeftByADeadHolderIsTakenOverWithANote() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        // what a killed holder leaves: its file, whose OS lock died with it
        Files.writeString(dir.resolve(OutputLock.FILE_NAME), "pid 999999\ncommand theorycheck sweep big.yaml\n"
                + "started 2024-05-06T07:08:09Z\n");
        try (OutputLock lock = OutputLock.acquire(dir, "theorycheck sweep big.yaml")) {
            assertThat(lock.takenOver()).hasValueSatisfying(note -> assertThat(note)
                    .contains(dir.toString(), "pid 999999: theorycheck sweep big.yaml, started 2024-05-06 07:08:09 UTC", "taken over"));
        }
        assertThat(dir.resolve(OutputLock.FILE_NAME)).doesNotExist();
    }

    @Test
    void aDirectoryTheLockCreatedIsRemovedIfNothingWasWrittenIntoIt() throws IOException {
        Path dir = tmp.resolve("a/b/out");
        try (OutputLock lock = OutputLock.acquire(dir, "test")) {
            assertThat(dir.resolve(OutputLock.FILE_NAME)).isRegularFile();
        }
        assertThat(tmp.resolve("a")).doesNotExist();

        Path kept = tmp.resolve("c/out");
        try (OutputLock lock = OutputLock.acquire(kept, "test")) {
            Files.writeString(kept.resolve("trace.csv"), "x\n");
        }
        assertThat(kept.resolve("trace.csv")).isRegularFile();
        assertThat(kept.resolve(OutputLock.FILE_NAME)).doesNotExist();

        Path existing = Files.createDirectory(tmp.resolve("existing"));
        OutputLock.acquire(existing, "test").close();
        assertThat(existing).as("a directory that was there stays").isDirectory();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefusedWithTheReason() throws IOException {
        Path file = Files.writeString(tmp.resolve("results"), "not a directory\n");
        assertThatThrownBy(() -> OutputLock.acquire(file, "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file, not a directory");
        assertThatThrownBy(() -> OutputLock.acquire(file.resolve("sub"), "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.resolve("sub").toString()).hasMessageContaining("is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory\n");
    }

    @Test
    void aDirectoryWithoutWritePermissionIsRefusedWithTheReason() throws IOException {
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(readOnly), "the user can write anywhere (root): no permission to deny");
        assertThatThrownBy(() -> OutputLock.acquire(readOnly, "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(readOnly.toString()).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> OutputLock.acquire(readOnly.resolve("out"), "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("permission denied");
    }
}
