package org.theorycheck.core.sweep;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.io.OutputSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * An append-only record of finished sweep runs, one line each, flushed as each run ends. A sweep that is
 * killed and restarted with the same output directory reads it back and redoes only what is missing.
 *
 * <p>The header is {@code <swept keys>,seed,<observables>,fingerprint,checksum}. A row holds a run's swept
 * values (as the grid spells them), its seed, its observables ({@link Double#toString(double)}: exact), the
 * {@link RunFingerprint#hash() fingerprint} of what it was computed with, and the CRC-32 of the row's text
 * before its last comma (8 hexadecimal digits). Rows are keyed by the swept values and the seed, not by
 * position, so a reordered or extended grid (more values, more seeds) still finds its runs. Beside the
 * journal, {@value #FINGERPRINT_FILE_NAME} holds the fingerprint's text, so that a journal of another
 * experiment can be refused naming the keys that differ.
 *
 * <p>Reading it back, a row is trusted only if it is whole and of this experiment. A torn last line (the
 * process died writing it) is dropped quietly. A row whose checksum does not match, that cannot be
 * parsed, that holds NaN, an infinity or a non-number, or that disagrees with another row of the same run
 * is dropped with a {@link #warnings() warning} naming the file, the line and why, and its run is done
 * again. A journal of another grid, of an earlier format, or of another experiment (a row or the
 * fingerprint file of another fingerprint) is bad input: a sweep would otherwise hand back numbers of an
 * experiment it was not asked to run.
 */
public final class SweepJournal {

    /** The journal's name in a sweep's (or a shard's) output directory. */
    public static final String FILE_NAME = "runs.journal.csv";
    /** The name of the file beside it that spells out its fingerprint. */
    public static final String FINGERPRINT_FILE_NAME = "runs.journal.fingerprint";

    private static final String RESTART = "rerun with --restart to discard it and start over, or use another --out";
    private static final int WARNINGS_SHOWN = 10;

    private final Path file;
    private final SweepPlan<?> plan;
    private final RunFingerprint fingerprint;
    private final String header;
    private final Map<SweepPlan.Run, RunResult> completed = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> rowFingerprints = new LinkedHashSet<>();
    private RunFingerprint recorded;

    private SweepJournal(Path file, SweepPlan<?> plan) {
        this.file = file;
        this.plan = plan;
        this.fingerprint = RunFingerprint.of(plan);
        this.header = legacyHeader(plan) + ",fingerprint,checksum";
    }

    /** The header of the journals of the first format, which had neither fingerprint nor checksum. */
    private static String legacyHeader(SweepPlan<?> plan) {
        return String.join(",", plan.keys()) + (plan.keys().isEmpty() ? "" : ",") + "seed," + String.join(",", plan.observables());
    }

    /**
     * Opens (reading what it holds) or creates the journal at {@code file}, for a sweep that goes on with it.
     *
     * @throws ConfigException if the file is the journal of another grid, of an earlier format, or of
     *                         another experiment (bad input: the --out directory)
     */
    public static SweepJournal open(Path file, SweepPlan<?> plan) {
        SweepJournal j = new SweepJournal(file, plan);
        try {
            if (Files.exists(file)) {
                j.load(true);
            } else {
                try (OutputSet files = OutputSet.in(file.toAbsolutePath().getParent())) {
                    files.text(file.getFileName().toString(), j.header + "\n");
                    files.text(FINGERPRINT_FILE_NAME, j.fingerprint.text());
                    files.commit();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the sweep journal " + file + ": " + e.getMessage(), e);
        }
        return j;
    }

    /**
     * Reads the journal a finished or interrupted sweep left at {@code file}, without creating or changing
     * anything, and without requiring its runs to be of this plan's experiment: {@link Sweep#merge} compares
     * the experiments of all the journals it is given.
     *
     * @throws ConfigException if there is none, or it is the journal of another grid or of an earlier format
     */
    public static SweepJournal existing(Path file, SweepPlan<?> plan) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), 0, "", "no sweep journal here; is the directory the --out of a sweep (or of a shard)?");
        }
        SweepJournal j = new SweepJournal(file, plan);
        try {
            j.load(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweep journal " + file + ": " + e.getMessage(), e);
        }
        return j;
    }

    /** Deletes the journal at {@code file} and its fingerprint file, so that the sweep starts over. */
    public static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(FINGERPRINT_FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sweep journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** A row read back: its run's key (swept values), seed, observables and fingerprint. */
    private record Row(String cellKey, long seed, double[] values, String fingerprint) {}

    /**
     * Reads the rows, keeping the trusted ones of this experiment in {@link #completed}.
     *
     * @param goingOn whether a sweep goes on with the journal: then a journal of another experiment is
     *                refused, and a journal that dropped rows is rewritten without them
     */
    private void load(boolean goingOn) throws IOException {
        // decoded leniently: a byte that is not UTF-8 makes its row fail the checksum, not the whole file
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines[0].equals(legacyHeader(plan))) {
            throw new ConfigException(file.toString(), 1, "", "this sweep journal was written by an earlier version of "
                    + "theorycheck, which did not record what its runs were computed with, so none of them can be reused; " + RESTART);
        }
        if (!lines[0].equals(header)) {
            throw new ConfigException(file.toString(), 1, "", "this sweep journal belongs to another grid (its header is '"
                    + lines[0] + "', this sweep's is '" + header + "'); " + RESTART);
        }
        recorded = readRecorded();
        Map<String, Integer> cellByKey = new HashMap<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            cellByKey.put(String.join(",", plan.cells().get(c).values().values()), c);
        }
        Set<Long> seeds = new HashSet<>(plan.base().seeds());
        String consequence = goingOn ? "; the row is dropped and its run done again" : "; the row is dropped";
        List<String> kept = new ArrayList<>();
        kept.add(header);
        Map<SweepPlan.Run, Integer> lineOf = new HashMap<>();
        Set<SweepPlan.Run> disputed = new HashSet<>();
        // the last element is what follows the last line break: empty, or a line torn by a kill (dropped, and
        // the journal rewritten so that the next row starts on a line of its own)
        boolean dropped = !text.endsWith("\n");
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            Object parsed = parse(line);
            if (parsed instanceof String problem) {
                warnings.add(file + ":" + (i + 1) + ": " + problem + consequence);
                dropped = true;
                continue;
            }
            Row row = (Row) parsed;
            rowFingerprints.add(row.fingerprint());
            Integer cell = cellByKey.get(row.cellKey());
            if (!row.fingerprint().equals(fingerprint.hash()) || cell == null || !seeds.contains(row.seed())) {
                kept.add(line);   // another experiment's (refused below) or a run outside this grid (kept for a larger one)
                continue;
            }
            SweepPlan.Run run = new SweepPlan.Run(cell, row.seed());
            Integer first = lineOf.putIfAbsent(run, i);
            if (first == null) {
                completed.put(run, new RunResult(cell, row.seed(), row.values()));
                kept.add(line);
            } else if (lines[first].equals(line)) {
                dropped = true;   // the same row twice says nothing new
            } else {
                warnings.add(file + ":" + (i + 1) + ": this row and line " + (first + 1) + " disagree about the run "
                        + Sweep.describe(plan, run) + (goingOn ? "; both are dropped and the run done again" : "; both are dropped"));
                disputed.add(run);
                dropped = true;
            }
        }
        for (SweepPlan.Run run : disputed) {
            completed.remove(run);
            kept.remove(lines[lineOf.get(run)]);
        }
        if (!goingOn) {
            return;
        }
        refuseAnotherExperiment();
        boolean describe = recorded == null;
        if (dropped || describe) {
            try (OutputSet files = OutputSet.in(file.toAbsolutePath().getParent())) {
                if (dropped) {
                    files.text(file.getFileName().toString(), String.join("\n", kept) + "\n");
                }
                if (describe) {
                    files.text(FINGERPRINT_FILE_NAME, fingerprint.text());
                }
                files.commit();
            }
            recorded = fingerprint;
        }
    }

    /** The fingerprint file beside the journal, or null if there is none or it is damaged. */
    private RunFingerprint readRecorded() throws IOException {
        Path f = file.resolveSibling(FINGERPRINT_FILE_NAME);
        return Files.isRegularFile(f) ? RunFingerprint.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)) : null;
    }

    private void refuseAnotherExperiment() {
        String theirs = rowFingerprints.stream().filter(h -> !h.equals(fingerprint.hash())).findFirst()
                .orElse(recorded != null && !recorded.equals(fingerprint) ? recorded.hash() : null);
        if (theirs == null) {
            return;
        }
        String keys = recorded != null && recorded.hash().equals(theirs) ? recorded.differences(fingerprint)
                : "fingerprint " + theirs + " -> " + fingerprint.hash() + "; " + FINGERPRINT_FILE_NAME
                + ", which would name the keys, is missing or of yet another experiment";
        throw new ConfigException(file.toString(), 0, "", "its runs were computed with another experiment (" + keys + "); "
                + RESTART);
    }

    /** A row, or why it cannot be trusted. */
    private Object parse(String line) {
        int last = line.lastIndexOf(',');
        if (last < 0 || !line.substring(last + 1).equals(checksum(line.substring(0, last)))) {
            return "its checksum does not match (the row was edited, or damaged)";
        }
        String[] f = line.substring(0, last).split(",", -1);
        int swept = plan.keys().size();
        List<String> observables = plan.observables();
        if (f.length != swept + observables.size() + 2) {
            return "it has " + (f.length + 1) + " fields, the header " + header.split(",", -1).length;
        }
        long seed;
        try {
            seed = Long.parseLong(f[swept]);
        } catch (NumberFormatException e) {
            return "its seed '" + f[swept] + "' is not an integer";
        }
        double[] values = new double[observables.size()];
        for (int v = 0; v < values.length; v++) {
            String s = f[swept + 1 + v];
            try {
                values[v] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return "its " + observables.get(v) + " '" + s + "' is not a number";
            }
            if (!Double.isFinite(values[v])) {
                return "its " + observables.get(v) + " is " + s + ", not a finite number";
            }
        }
        return new Row(String.join(",", Arrays.copyOf(f, swept)), seed, values, f[f.length - 1]);
    }

    private static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** The runs already finished, by run: rows of this experiment only, and only those that can be trusted. */
    public Map<SweepPlan.Run, RunResult> completed() {
        return Map.copyOf(completed);
    }

    /**
     * One line per dropped row (file, line, why), at most {@value #WARNINGS_SHOWN} and then a count of the
     * others; empty if every row could be trusted.
     */
    public List<String> warnings() {
        if (warnings.size() <= WARNINGS_SHOWN) {
            return List.copyOf(warnings);
        }
        List<String> shown = new ArrayList<>(warnings.subList(0, WARNINGS_SHOWN));
        shown.add(file + ": " + (warnings.size() - WARNINGS_SHOWN) + " more rows are dropped");
        return shown;
    }

    /** The fingerprints the rows carry, in the order first met (one, for a journal of one experiment). */
    public List<String> rowFingerprints() {
        return List.copyOf(rowFingerprints);
    }

    /** The fingerprint its fingerprint file spells out, or null if it has none or it is damaged. */
    public RunFingerprint recorded() {
        return recorded;
    }

    /** Appends one finished run and flushes it to disk. Thread-safe. */
    public synchronized void record(RunResult r) {
        StringBuilder line = new StringBuilder();
        for (String v : plan.cells().get(r.cell()).values().values()) {
            line.append(v).append(',');
        }
        line.append(r.seed());
        for (double v : r.values()) {
            line.append(',').append(v);
        }
        line.append(',').append(fingerprint.hash());
        String row = line + "," + checksum(line.toString()) + "\n";
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the sweep journal " + file + ": " + e.getMessage(), e);
        }
        completed.put(new SweepPlan.Run(r.cell(), r.seed()), r);
    }
}
