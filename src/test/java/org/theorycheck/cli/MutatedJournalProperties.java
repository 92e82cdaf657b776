package org.theorycheck.cli;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.sweep.RunFingerprint;
import org.theorycheck.core.sweep.SweepJournal;
import org.theorycheck.core.sweep.SweepPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random damage to a sweep's journal — rows dropped, duplicated, swapped, edited or cut short, a checksum
 * broken, a NaN journaled, the header changed, the rows or the fingerprint file of another experiment, the
 * fingerprint file gone — never yields a stale number with exit 0: a resumed sweep either ends with
 * {@code runs.csv} and {@code summary.csv} byte-identical to a fresh sweep's (with one warning line per
 * dropped row), or is refused with exit 2 and one line, running nothing. The same holds for a damaged shard
 * given to {@code --merge}, which runs nothing and so refuses what it cannot trust. Outcome counts are printed
 * after the properties.
 */
class MutatedJournalProperties {

    /** 2 cells × 3 seeds of a 5-step Syn-Small: a resume that redoes every run takes milliseconds. */
    private static final List<String> GRID = List.of(TestExperiments.SYN_SMALL.toString(), "train.steps=5",
            "train.eta_z=[0.5,1]", "seeds=1..3");
    /** The fingerprint of another experiment (one more step), as another experiment's journal carries it. */
    private static final RunFingerprint OTHER = RunFingerprint.of(TestExperiments.plan(
            TestExperiments.SYN_SMALL, List.of("train.steps=6", "train.eta_z=[0.5,1]", "seeds=1..3")));

    private static final AtomicInteger RESUMED = new AtomicInteger();
    private static final AtomicInteger REDONE = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger MERGED = new AtomicInteger();
    private static final AtomicInteger MERGE_REFUSED = new AtomicInteger();

    /** A journal as a sweep leaves it: its text and its fingerprint file's (null: none). */
    record Journal(String text, String fingerprint) {

        static Journal read(Path dir) throws IOException {
            Path f = dir.resolve(SweepJournal.FINGERPRINT_FILE_NAME);
            return new Journal(Files.readString(dir.resolve(SweepJournal.FILE_NAME)), Files.exists(f) ? Files.readString(f) : null);
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SweepJournal.FILE_NAME), text);
            if (fingerprint != null) {
                Files.writeString(dir.resolve(SweepJournal.FINGERPRINT_FILE_NAME), fingerprint);
            }
        }
    }

    /** A fresh sweep of {@link #GRID}, and its two shards, computed once. */
    private static final class Fresh {
        static final Journal JOURNAL;
        static final Journal SHARD_0;
        static final Journal SHARD_1;
        static final byte[] RUNS;
        static final byte[] SUMMARY;

        static {
            try {
                Path dir = Files.createTempDirectory("fresh-sweep");
                assertThat(sweep(dir.resolve("whole")).code()).isZero();
                assertThat(sweep(dir.resolve("shard-0"), "--shard", "0/2").code()).isZero();
                assertThat(sweep(dir.resolve("shard-1"), "--shard", "1/2").code()).isZero();
                JOURNAL = Journal.read(dir.resolve("whole"));
                SHARD_0 = Journal.read(dir.resolve("shard-0"));
                SHARD_1 = Journal.read(dir.resolve("shard-1"));
                RUNS = Files.readAllBytes(dir.resolve("whole/runs.csv"));
                SUMMARY = Files.readAllBytes(dir.resolve("whole/summary.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Cli.Outcome sweep(Path out, String... extra) {
        return SweepJournalTest.sweep(GRID, out, extra);
    }

    /** The journal with one to three kinds of damage chosen by {@code seed}. */
    static Journal damage(Journal journal, long seed) {
        Random random = new Random(seed);
        String text = journal.text();
        String fingerprint = journal.fingerprint();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (lines.size() < 2) {
                lines.add("");
            }
            int rows = lines.size() - 2;   // the header, the rows, and what follows the last line break
            int row = 1 + (rows > 0 ? random.nextInt(rows) : 0);
            switch (random.nextInt(11)) {
                case 0 -> lines.remove(Math.min(row, lines.size() - 1));
                case 1 -> lines.add(row, lines.get(Math.min(row, lines.size() - 1)));
                case 2 -> Collections.swap(lines, row, 1 + random.nextInt(Math.max(rows, 1)));
                case 3 -> lines.set(row, typo(lines.get(row), random));
                case 4 -> lines.set(row, replaceField(lines.get(row), -1, "0badc0de"));
                case 5 -> lines.set(row, checksummed(replaceField(lines.get(row), 2 + random.nextInt(2), "NaN")));
                case 6 -> lines.set(row, replaceField(lines.get(row), 3, random.nextBoolean() ? "NaN" : "Infinity"));
                case 7 -> lines.set(0, random.nextBoolean() ? lines.get(0).replace("seed", "seeds")
                        : lines.get(0).replace(",fingerprint,checksum", ""));
                case 8 -> {
                    for (int i = 1; i < lines.size(); i++) {
                        if (!lines.get(i).isEmpty() && random.nextBoolean()) {
                            lines.set(i, checksummed(replaceField(lines.get(i), -2, OTHER.hash())));
                        }
                    }
                    if (random.nextBoolean()) {
                        fingerprint = OTHER.text();
                    }
                }
                case 9 -> fingerprint = random.nextBoolean() ? null : OTHER.text();
                default -> {
                    String whole = String.join("\n", lines);
                    text = whole.substring(0, random.nextInt(whole.length() + 1));
                    continue;
                }
            }
            text = String.join("\n", lines);
        }
        return new Journal(text, fingerprint);
    }

    /** The row with field {@code index} replaced (negative: from the end), its checksum left as it was. */
    private static String replaceField(String row, int index, String value) {
        String[] f = row.split(",", -1);
        int i = index < 0 ? f.length + index : index;
        if (i < 0 || i >= f.length) {
            return row;
        }
        f[i] = value;
        return String.join(",", f);
    }

    /** The row with a checksum that matches it, as if it had been journaled so (a line without fields as it is). */
    private static String checksummed(String row) {
        return row.contains(",") ? SweepJournalTest.withChecksum(row) : row;
    }

    /** One character replaced by a digit, a letter or a sign. */
    private static String typo(String s, Random random) {
        if (s.isEmpty()) {
            return "x";
        }
        String pool = "0123456789abcdef.-,eE";
        int i = random.nextInt(s.length());
        return s.substring(0, i) + pool.charAt(random.nextInt(pool.length())) + s.substring(i + 1);
    }

    /** A refusal: exit 2, one line, nothing run, nothing written. */
    private static void assertRefused(Cli.Outcome o, Path out) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).as(o.err()).hasSize(1);
        assertThat(o.out()).isEmpty();
        assertThat(out.resolve("runs.csv")).doesNotExist();
    }

    @Property(tries = 100, seed = "20240601")
    void aDamagedJournalResumesToTheNumbersOfAFreshSweepOrIsRefused(@ForAll long seed) throws IOException {
        Journal damaged = damage(Fresh.JOURNAL, seed);
        Path out = Files.createTempDirectory("damaged-journal");
        damaged.write(out);
        Cli.Outcome o = sweep(out);
        if (o.code() != 0) {
            assertRefused(o, out);
            REFUSED.incrementAndGet();
            return;
        }
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).as("runs.csv of\n%s\n%s", damaged.text(), o.err()).isEqualTo(Fresh.RUNS);
        assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(Fresh.SUMMARY);
        assertThat(o.errorLines()).allSatisfy(l -> assertThat(l).startsWith("warning: " + out.resolve(SweepJournal.FILE_NAME)));
        (o.out().contains("(6 resumed") ? RESUMED : REDONE).incrementAndGet();
    }

    @Property(tries = 100, seed = "20240602")
    void aDamagedShardIsMergedToTheNumbersOfAFreshSweepOrIsRefused(@ForAll long seed) throws IOException {
        Path dir = Files.createTempDirectory("damaged-shard");
        damage(Fresh.SHARD_0, seed).write(dir.resolve("shard-0"));
        Fresh.SHARD_1.write(dir.resolve("shard-1"));
        Path merged = dir.resolve("merged");
        Cli.Outcome o = sweep(merged, "--merge", dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString());
        if (o.code() != 0) {
            assertRefused(o, merged);
            MERGE_REFUSED.incrementAndGet();
            return;
        }
        assertThat(Files.readAllBytes(merged.resolve("runs.csv"))).isEqualTo(Fresh.RUNS);
        assertThat(Files.readAllBytes(merged.resolve("summary.csv"))).isEqualTo(Fresh.SUMMARY);
        MERGED.incrementAndGet();
    }

    @AfterContainer
    static void counts() {
        System.out.printf("damaged journals: %d resumed whole, %d resumed redoing dropped runs, %d refused with exit 2; "
                + "damaged shards: %d merged, %d refused with exit 2%n", RESUMED.get(), REDONE.get(), REFUSED.get(),
                MERGED.get(), MERGE_REFUSED.get());
    }
}
