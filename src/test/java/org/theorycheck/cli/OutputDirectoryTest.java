package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.core.io.OutputLock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer per output directory, checked before anything runs: a command into a directory another
 * command holds is exit 2 naming the holder; a lock left by a killed command is taken over with a note; an
 * output directory that cannot be written is exit 2 naming it and the reason, with nothing run.
 */
class OutputDirectoryTest {

    private static final String SYN_SMALL = TestExperiments.SYN_SMALL.toString();
    /** Ample for a JVM that starts and takes a lock. */
    private static final long CHILD_SECONDS = 60;

    @TempDir
    Path tmp;

    /** The command that writes into {@code out}: as a directory, or as the directory of its one file. */
    private static List<String> command(String name, Path out) {
        return switch (name) {
            case "train" -> List.of("train", SYN_SMALL, "train.steps=5", "seeds=1", "--out", out.toString());
            case "integrate" -> List.of("integrate", SYN_SMALL, "--rung", "map", "train.steps=5", "--out", out.toString());
            case "sweep" -> List.of("sweep", SYN_SMALL, "train.steps=5", "seeds=1..2", "--threads", "1", "--out", out.toString());
            case "figure" -> List.of("figure", "scan-and-snap/fig3", "--threads", "1", "--out", out.toString());
            case "verify" -> List.of("verify", "theorems/scan-and-snap/lemma9-gamma-stages.yaml", "--out", out.resolve("table.md").toString());
            case "report" -> List.of("report", "--threads", "1", "--out", out.resolve("report.html").toString());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "integrate", "sweep", "figure", "verify", "report"})
    void aCommandIntoADirectoryAnotherCommandHoldsIsRefusedNamingTheHolder(String name) throws IOException {
        Path out = Files.createDirectory(tmp.resolve("out"));
        try (OutputLock held = OutputLock.acquire(out, "theorycheck sweep experiments/scan-and-snap/syn-small.yaml --out " + out)) {
            Cli.Outcome o = Cli.run(command(name, out).toArray(String[]::new));
            assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.errorLines()).singleElement().asString().contains(out.toString(), "being written by another command",
                    "pid " + ProcessHandle.current().pid() + ": theorycheck sweep experiments/scan-and-snap/syn-small.yaml", "started ");
            assertThat(o.out()).as("nothing ran").isEmpty();
            assertThat(files(out)).as("nothing written").containsExactly(OutputLock.FILE_NAME);
        }
    }

    /** Two sweeps into one --out: the second, started while the first holds the directory, runs nothing. */
    @Test
    void aSecondSweepIntoTheSameOutRunsNothingAndTheFirstIsUntouched() throws IOException {
        Path out = tmp.resolve("sweep");
        List<String> sweep = command("sweep", out);
        assertThat(Cli.run(sweep.toArray(String[]::new)).code()).isZero();
        byte[] journal = Files.readAllBytes(out.resolve("runs.journal.csv"));
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        try (OutputLock first = OutputLock.acquire(out, "theorycheck sweep (the first)")) {
            List<String> other = new ArrayList<>(sweep);
            other.set(2, "train.steps=7");
            Cli.Outcome second = Cli.run(other.toArray(String[]::new));
            assertThat(second.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(second.errorLines()).singleElement().asString().contains("theorycheck sweep (the first)");
        }
        assertThat(Files.readAllBytes(out.resolve("runs.journal.csv"))).as("no row added or duplicated").isEqualTo(journal);
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(runs);
        // negative control: once the first is done, the directory is free again
        Cli.Outcome again = Cli.run(sweep.toArray(String[]::new));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("(2 resumed from the journal)");
    }

    /**
     * A lock left by a command killed with SIGKILL: its file remains, but the OS released its lock with the
     * process, so the next command takes it over, saying whose it was.
     */
    @Test
    void aLockLeftByAKilledCommandIsTakenOverWithANote() throws Exception {
        Path out = tmp.resolve("killed");
        Path lockFile = out.resolve(OutputLock.FILE_NAME);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.theorycheck.cli.Main", "train", SYN_SMALL,
                "train.steps=1000000", "train.record_every=1000000", "seeds=1", "--out", out.toString());
        builder.redirectErrorStream(true).redirectOutput(tmp.resolve("child.txt").toFile());
        Process child = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_SECONDS);
            while (!(Files.isRegularFile(lockFile) && Files.readString(lockFile).contains("\nstarted "))) {
                assertThat(child.isAlive()).as("the child runs: %s", Files.readString(tmp.resolve("child.txt"))).isTrue();
                assertThat(System.nanoTime()).as("the child takes the lock in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(lockFile, StandardCharsets.UTF_8)).as("the killed command's lock file remains")
                .contains("pid " + child.pid());

        Cli.Outcome o = Cli.run(command("train", out).toArray(String[]::new));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.errorLines()).singleElement().asString().startsWith("note: ").contains(out.toString(),
                "pid " + child.pid() + ": theorycheck train", "taken over");
        assertThat(files(out)).containsExactly("attention.csv", "run.fingerprint", "trace.csv");
    }

    /** An --out that is a file, or under one: exit 2 naming the directory and why, before any run. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "integrate", "sweep", "figure", "verify"})
    void anUnwritableOutIsRefusedWithTheReasonBeforeAnythingRuns(String name) throws IOException {
        Path file = Files.writeString(tmp.resolve("results"), "a file\n");
        Path out = name.equals("verify") ? file : file.resolve("sub");
        Cli.Outcome o = Cli.run(command(name, out).toArray(String[]::new));
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().startsWith("error: " + out + ": cannot write output here: ")
                .contains(file + " is a file, not a directory");
        assertThat(o.out()).as("nothing ran").isEmpty();
        assertThat(Files.readString(file)).isEqualTo("a file\n");
    }
}
