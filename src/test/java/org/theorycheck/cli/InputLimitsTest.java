package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.io.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that are not what a command reads are refused at once with one line naming the file and the limit, exit
 * code 2, and nothing written: a file over the size limit (before it is parsed: an 8 MB YAML value took 18 s to be
 * refused, a 50 MB one ran past 5 minutes), YAML with more aliases or deeper nesting than allowed, a binary
 * file, and a claim directory without claims.
 */
class InputLimitsTest {

    private static final Path SYN_SMALL = Path.of("experiments", "scan-and-snap", "syn-small.yaml");
    private static final Path CLAIM = Path.of("theorems", "scan-and-snap", "appF-Bn-at-t0.yaml");

    @TempDir
    Path tmp;

    private Cli.Outcome train(Path experiment) {
        return Cli.run("train", experiment.toString(), "--out", tmp.resolve("out").toString());
    }

    private void assertRefused(Cli.Outcome o, Path file, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).as(o.err()).singleElement().asString().startsWith("error: " + file)
                .contains(parts.length == 0 ? new String[] {": "} : parts);
        assertThat(o.err()).doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** syn-small.yaml with its name replaced by {@code name}. */
    private Path experimentNamed(String name) throws IOException {
        Path file = tmp.resolve("named.yaml");
        Files.writeString(file, Files.readString(SYN_SMALL).replace("name: syn-small", "name: " + name));
        return file;
    }

    @Test
    void anExperimentFileOverTheSizeLimitIsRefusedBeforeItIsParsed() throws IOException {
        Path file = experimentNamed("x".repeat(2 << 20));
        long started = System.nanoTime();
        assertRefused(train(file), file, "bytes; an experiment file may have at most 1,048,576 (1 MiB)");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds: refused without scanning the value").isLessThan(5);
    }

    @Test
    void aClaimFileOverTheSizeLimitIsRefused() throws IOException {
        Path file = tmp.resolve("claim.yaml");
        Files.writeString(file, Files.readString(CLAIM).replaceFirst("statement: >", "statement: " + "x".repeat(8 << 20)
                + "\nplaced: >"));
        Cli.Outcome o = Cli.run("verify", "--dry-run", file.toString());
        assertRefused(o, file, "a claim file may have at most 1,048,576");
    }

    @Test
    void moreThanFiftyAliasesAreRefusedInClaimFilesAndAnyInExperimentFiles() throws IOException {
        String aliases = String.join(", ", Collections.nCopies(InputFiles.YAML_MAX_ALIASES + 10, "*a"));
        Path claim = tmp.resolve("aliases.yaml");
        Files.writeString(claim, "id: aliases\nsource: x\nstatement: s\nassumptions: &a [s]\nchecks: [" + aliases + "]\n");
        assertRefused(Cli.run("verify", "--dry-run", claim.toString()), claim, "more than 50 aliases");

        Path experiment = tmp.resolve("aliases-exp.yaml");
        Files.writeString(experiment, Files.readString(SYN_SMALL).replace("seeds: 1..3", "seeds: &a [1]\nsweep:\n  train.batch: ["
                + aliases + "]"));
        assertRefused(train(experiment), experiment, "cannot use aliases (*a); write the value out");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        String deep = "[".repeat(InputFiles.YAML_MAX_DEPTH + 10) + "]".repeat(InputFiles.YAML_MAX_DEPTH + 10);
        Path claim = tmp.resolve("deep.yaml");
        Files.writeString(claim, "id: deep\nsource: x\nstatement: s\nassumptions: " + deep + "\nchecks: []\n");
        assertRefused(Cli.run("verify", "--dry-run", claim.toString()), claim, "nested deeper than 50 levels");
        Path experiment = tmp.resolve("deep-exp.yaml");
        Files.writeString(experiment, Files.readString(SYN_SMALL).replace("seeds: 1..3", "seeds: " + deep));
        assertRefused(train(experiment), experiment, "nested deeper than 50 levels");
    }

    @Test
    void aBinaryFileSaysItIsNotText() throws IOException {
        byte[] binary = new byte[3000];
        new java.util.Random(1).nextBytes(binary);
        binary[0] = (byte) 0xC3;   // the first byte of a two-byte UTF-8 sequence, then a byte that cannot continue it
        binary[1] = 0x28;
        Path experiment = Files.write(tmp.resolve("bin.yaml"), binary);
        assertRefused(train(experiment), experiment, "is not a text file (byte 0xC3 at offset 0 is not UTF-8)");

        Path claim = Files.write(tmp.resolve("claim.yaml"), "id: x\u0000\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(Cli.run("verify", "--dry-run", claim.toString()), claim, "is not a text file (it holds a NUL byte at offset 5)");

        Path csv = Files.write(tmp.resolve("attention.csv"), binary);
        assertRefused(Cli.run("plot", "heatmap", csv.toString(), "--out", tmp.resolve("out").toString()), csv, "is not a text file");
    }

    @Test
    void aDirectoryGivenAsAnExperimentIsNamed() {
        Path dir = tmp.resolve("dir.yaml");
        assertThat(dir.toFile().mkdir()).isTrue();
        assertRefused(train(dir), dir, "is a directory; an experiment file is expected");
    }

    @Test
    void aClaimDirectoryWithoutClaimsIsBadInput() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a claim");
        Cli.Outcome o = Cli.run("verify", empty.toString());
        assertRefused(o, empty, "no claim file (*.yaml or *.yml) in this directory or below");
        assertThat(o.out()).doesNotContain("0 checks");
    }
}
