package org.theorycheck.core.sweep;

import org.theorycheck.core.experiment.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only record of finished sweep runs, one line each, flushed as each run ends. A sweep that
 * is killed and restarted with the same output directory reads it back and redoes only what is
 * missing. A torn last line (the process died while writing it) is dropped. Lines are keyed by the
 * swept values and the seed, not by position, so reordering the grid does not confuse it.
 */
public final class SweepJournal {

    private final Path file;
    private final SweepPlan<?> plan;
    private final String header;
    private final Map<SweepPlan.Run, RunResult> completed = new LinkedHashMap<>();

    private SweepJournal(Path file, SweepPlan<?> plan) {
        this.file = file;
        this.plan = plan;
        this.header = String.join(",", plan.keys()) + (plan.keys().isEmpty() ? "" : ",") + "seed," + String.join(",", plan.observables());
    }

    /**
     * Opens (reading what it holds) or creates the journal at {@code file}.
     *
     * @throws ConfigException if the file is the journal of another grid (bad input: the --out directory)
     */
    public static SweepJournal open(Path file, SweepPlan<?> plan) {
        SweepJournal j = new SweepJournal(file, plan);
        try {
            if (Files.exists(file)) {
                j.load();
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, j.header + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the sweep journal " + file + ": " + e.getMessage(), e);
        }
        return j;
    }

    /**
     * Reads the journal a finished or interrupted sweep left at {@code file}, without creating one.
     *
     * @throws ConfigException if there is none, or it is the journal of another grid
     */
    public static SweepJournal existing(Path file, SweepPlan<?> plan) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), 0, "", "no sweep journal here; is the directory the --out of a sweep (or of a shard)?");
        }
        return open(file, plan);
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new ConfigException(file.toString(), 1, "", "this sweep journal belongs to another grid (its header is '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "', this sweep's is '" + header
                    + "'); use another --out directory or delete the journal");
        }
        Map<String, Integer> cellByKey = new HashMap<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            cellByKey.put(String.join(",", plan.cells().get(c).values().values()), c);
        }
        int swept = plan.keys().size();
        int observed = plan.observables().size();
        List<String> kept = new ArrayList<>();
        kept.add(header);
        for (int i = 1; i < lines.size(); i++) {
            if (torn && i == lines.size() - 1) {
                break;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != swept + 1 + observed) {
                continue;
            }
            Integer cell = cellByKey.get(String.join(",", java.util.Arrays.copyOf(f, swept)));
            try {
                long seed = Long.parseLong(f[swept]);
                double[] values = new double[observed];
                for (int v = 0; v < observed; v++) {
                    values[v] = Double.parseDouble(f[swept + 1 + v]);
                }
                RunResult r = new RunResult(cell == null ? -1 : cell, seed, values);
                kept.add(lines.get(i));
                if (cell != null && plan.base().seeds().contains(seed)) {
                    completed.put(new SweepPlan.Run(cell, seed), r);
                }
            } catch (NumberFormatException e) {
                // an unreadable line is a torn write; the run is simply done again
            }
        }
        if (torn || kept.size() != lines.size()) {
            Files.write(file, kept, StandardCharsets.UTF_8);
        }
    }

    /** The runs already finished, by run. */
    public Map<SweepPlan.Run, RunResult> completed() {
        return Map.copyOf(completed);
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
        line.append('\n');
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the sweep journal " + file + ": " + e.getMessage(), e);
        }
        completed.put(new SweepPlan.Run(r.cell(), r.seed()), r);
    }
}
