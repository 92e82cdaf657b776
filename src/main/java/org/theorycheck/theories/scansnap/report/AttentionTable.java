package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The content of an {@code attention.csv}: c_{l|n}, z and P(l|n) per recorded step, class n and
 * support token l. A {@link Trajectory} of any rung converts to the same table, so every attention
 * figure accepts either.
 */
public final class AttentionTable implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One row of attention.csv; {@code role} is {@code common} or {@code distinct}. */
    public record Entry(double step, int nextToken, int token, String role, double p, double z, double c) implements Serializable {
        public boolean distinct() {
            return "distinct".equals(role);
        }
    }

    private final String source;
    private final List<Entry> entries;

    private AttentionTable(String source, List<Entry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    public static AttentionTable read(Path file) {
        return of(CsvTable.read(file));
    }

    /** Converts through the attention.csv writer itself, so both paths agree on every value. */
    public static AttentionTable of(Trajectory trajectory) {
        StringWriter w = new StringWriter();
        try {
            TraceCsv.writeTable(trajectory.tables().get(0), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(CsvTable.parse(trajectory.rung() + " trajectory", w.toString()));
    }

    public static AttentionTable of(CsvTable csv) {
        int step = csv.column("step");
        int next = csv.column("next_token");
        int token = csv.column("token");
        int role = csv.column("role");
        int p = csv.column("p");
        int z = csv.column("z");
        int c = csv.column("c");
        List<Entry> entries = new ArrayList<>(csv.rows());
        for (int r = 0; r < csv.rows(); r++) {
            String roleName = csv.text(r, role).trim();
            if (!roleName.equals("common") && !roleName.equals("distinct")) {
                throw new ConfigException(csv.source(), csv.line(r), "role", "'" + roleName
                        + "' is neither common nor distinct");
            }
            entries.add(new Entry(csv.number(r, step), integer(csv, r, next), integer(csv, r, token), roleName,
                    csv.number(r, p), csv.observed(r, z), csv.observed(r, c)));
        }
        if (entries.isEmpty()) {
            throw new ConfigException(csv.source(), 1, "", "has a header but no rows");
        }
        return new AttentionTable(csv.source(), entries);
    }

    private static int integer(CsvTable csv, int row, int column) {
        double v = csv.number(row, column);
        if (v != Math.rint(v) || v < 0) {
            throw new ConfigException(csv.source(), csv.line(row), csv.header().get(column),
                    "'" + csv.text(row, column) + "' is not a token index");
        }
        return (int) v;
    }

    public String source() {
        return source;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The recorded steps, ascending. */
    public double[] steps() {
        return entries.stream().mapToDouble(Entry::step).distinct().sorted().toArray();
    }

    public double finalStep() {
        double[] steps = steps();
        return steps[steps.length - 1];
    }

    /** The classes (next-token indices n), ascending. */
    public int[] classes() {
        return new TreeSet<>(entries.stream().map(Entry::nextToken).toList()).stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rows of class n at exactly {@code step}, in file order (empty if that step was not recorded). */
    public List<Entry> at(double step, int nextToken) {
        return entries.stream().filter(e -> e.step() == step && e.nextToken() == nextToken).toList();
    }

    /** The recorded step closest to {@code step} (the earlier one on a tie). */
    public double nearestStep(double step) {
        double best = Double.NaN;
        for (double s : steps()) {
            if (Double.isNaN(best) || Math.abs(s - step) < Math.abs(best - step)) {
                best = s;
            }
        }
        return best;
    }
}
