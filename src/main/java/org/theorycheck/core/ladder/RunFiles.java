package org.theorycheck.core.ladder;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.report.CsvTable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The files of one run, read back into a theory's trace ({@link org.theorycheck.core.Theory#readTrace}): {@code trace.csv}
 * and the trace's tables, in {@link TraceCsv}'s form, written by {@code train --out} or by any other tool. A theory
 * declares the columns of each file it reads ({@link Table#expect}) and takes them as numbers, integers or words; every
 * read checks what it takes, and whatever is wrong is a {@link ConfigException} naming the file, the line and the column:
 * a missing column, a column the theory does not know (a file of another theory, a misspelt name), a field that is not
 * a number, a NaN or an infinity (a value not defined at a time is an empty field), an empty field where a number is
 * needed, times that do not increase.
 *
 * <p>The core makes one per run and keeps the text of every file read, so that a check measures the very bytes whose
 * checksums its evidence names.
 */
public final class RunFiles {

    /**
     * A file of a run as it was read.
     *
     * @param name   its name in the run's directory, e.g. {@code trace.csv}
     * @param label  how messages name it (its path as the user gave it)
     * @param text   its content
     * @param sha256 the SHA-256 of its bytes, in hexadecimal
     */
    public record Text(String name, String label, String text, String sha256) implements Serializable {}

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String theory;
    private final String directory;
    private final Function<String, Text> files;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Text> read = new ArrayList<>();

    /**
     * @param theory    the id of the theory that reads the run, for messages
     * @param directory the run's directory as the user gave it, for messages
     * @param files     a file of the run by its name, or null if the run has none of that name
     */
    public RunFiles(String theory, String directory, Function<String, Text> files) {
        this.theory = theory;
        this.directory = directory;
        this.files = files;
    }

    /** {@code trace.csv}: the {@code step} column, then one column per series. */
    public Table trace() {
        return table(TraceCsv.TRACE.substring(0, TraceCsv.TRACE.length() - ".csv".length()));
    }

    /** The recorded times: {@code trace.csv}'s {@code step} column, each a finite number ≥ 0, increasing. */
    public double[] steps() {
        return trace().steps();
    }

    /** Whether the run has the table {@code <name>.csv}. */
    public boolean hasTable(String name) {
        return tables.containsKey(name) || files.apply(name + ".csv") != null;
    }

    /**
     * The table {@code <name>.csv} ({@code trace} is {@code trace.csv}).
     *
     * @throws ConfigException if the run has no such file, or it is not a CSV file with a header
     */
    public Table table(String name) {
        Table known = tables.get(name);
        if (known != null) {
            return known;
        }
        String file = name + ".csv";
        Text text = files.apply(file);
        if (text == null) {
            throw new ConfigException(directory, 0, "", "has no " + file + "; a run of " + theory + " holds "
                    + file + " here (see docs/external-runs.md)");
        }
        read.add(text);
        String content = !text.text().isEmpty() && text.text().charAt(0) == BYTE_ORDER_MARK ? text.text().substring(1) : text.text();
        Table table = new Table(name.equals("trace"), CsvTable.parse(text.label(), content));
        tables.put(name, table);
        return table;
    }

    /** The files read so far, in the order they were first read. */
    public List<Text> read() {
        return List.copyOf(read);
    }

    /** One CSV file of the run, read column by column. */
    public final class Table {
        private final boolean isTrace;
        private final CsvTable csv;
        private Set<String> allowed;
        private double[] steps;

        private Table(boolean isTrace, CsvTable csv) {
            this.isTrace = isTrace;
            this.csv = csv;
        }

        /**
         * Declares the file's columns: every one of {@code required} must be there, and no column outside the two lists
         * may be. Call it before reading a column. The {@code step} column is always required and need not be listed.
         *
         * @throws ConfigException naming the first missing or unknown column
         */
        public Table expect(List<String> required, List<String> optional) {
            Set<String> needed = new LinkedHashSet<>();
            needed.add("step");
            needed.addAll(required);
            Set<String> all = new LinkedHashSet<>(needed);
            all.addAll(optional);
            Set<String> seen = new HashSet<>();
            for (String column : csv.header()) {
                if (!seen.add(column)) {
                    throw error(-1, column, "appears twice in the header");
                }
                if (!all.contains(column)) {
                    throw error(-1, column, "is not a column of " + theory + "'s " + fileName() + " (is it a run of another theory, "
                            + "or a misspelt name?); its columns are " + describe(needed, optional));
                }
            }
            for (String column : needed) {
                if (!seen.contains(column)) {
                    throw error(-1, column, "is missing; " + theory + "'s " + fileName() + " needs the columns "
                            + describe(needed, optional));
                }
            }
            this.allowed = all;
            return this;
        }

        private String describe(Set<String> needed, List<String> optional) {
            return String.join(", ", needed) + (optional.isEmpty() ? "" : " and, optionally, " + String.join(", ", optional));
        }

        private String fileName() {
            String label = csv.source();
            int slash = Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\'));
            return label.substring(slash + 1);
        }

        /** The number of rows below the header. */
        public int rows() {
            return csv.rows();
        }

        /** Whether the file has this column (one of those {@link #expect} allowed). */
        public boolean has(String column) {
            declared(column);
            return csv.hasColumn(column);
        }

        /**
         * The {@code step} column (which may be read before {@link #expect}). In {@code trace.csv} each is a finite number ≥ 0, greater than the one before; in a
         * table each is one of {@code trace.csv}'s, and no smaller than the one before (rows in step order).
         */
        public double[] steps() {
            if (steps != null) {
                return steps.clone();
            }
            double[] s = numbers("step");
            if (s.length == 0) {
                throw error(-1, "step", "the file has no rows below its header");
            }
            Set<Double> times = new HashSet<>();
            if (!isTrace) {
                for (double t : RunFiles.this.steps()) {
                    times.add(t);
                }
            }
            for (int r = 0; r < s.length; r++) {
                if (s[r] < 0) {
                    throw error(r, "step", "is " + TraceCsv.step(s[r]) + "; steps count updates from 0");
                }
                if (isTrace && r > 0 && s[r] <= s[r - 1]) {
                    throw error(r, "step", "is " + TraceCsv.step(s[r]) + " after " + TraceCsv.step(s[r - 1])
                            + " on line " + csv.line(r - 1) + "; the steps of trace.csv must increase, one row per recorded time");
                }
                if (!isTrace && r > 0 && s[r] < s[r - 1]) {
                    throw error(r, "step", "is " + TraceCsv.step(s[r]) + " after " + TraceCsv.step(s[r - 1])
                            + " on line " + csv.line(r - 1) + "; the rows must be in step order");
                }
                if (!isTrace && !times.contains(s[r])) {
                    throw error(r, "step", "is " + TraceCsv.step(s[r]) + ", which is not a step of trace.csv; every table "
                            + "records the times trace.csv records");
                }
            }
            steps = s;
            return s.clone();
        }

        /** A column of finite numbers, none left empty. */
        public double[] numbers(String column) {
            return column(column, false);
        }

        /** A column of finite numbers where an empty field means "not defined here": NaN. */
        public double[] values(String column) {
            return column(column, true);
        }

        private double[] column(String column, boolean emptyAllowed) {
            int c = index(column);
            double[] out = new double[csv.rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] = number(r, c, column, emptyAllowed);
            }
            return out;
        }

        private double number(int row, int c, String column, boolean emptyAllowed) {
            String s = csv.text(row, c).trim();
            if (s.isEmpty()) {
                if (emptyAllowed) {
                    return Double.NaN;
                }
                throw error(row, column, "is empty, but " + column + " needs a number here");
            }
            double v;
            try {
                // Python writes nan, inf and -inf, which Java does not read
                v = NOT_FINITE.matcher(s).matches() ? Double.NaN : Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error(row, column, "'" + s + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw error(row, column, "is " + s + "; a value must be a finite number" + (emptyAllowed
                        ? " (a value not defined at this step is an empty field)" : "") + ", and a run that reached "
                        + s + " diverged and cannot be checked");
            }
            return v;
        }

        /** A column of whole numbers in [min, max] (written as integers, or as numbers that are whole). */
        public int[] integers(String column, int min, int max) {
            int c = index(column);
            int[] out = new int[csv.rows()];
            for (int r = 0; r < out.length; r++) {
                double v = number(r, c, column, false);
                if (v != Math.rint(v) || v < min || v > max) {
                    throw error(r, column, "is " + csv.text(r, c).trim() + "; expected a whole number from " + min + " to " + max);
                }
                out[r] = (int) v;
            }
            return out;
        }

        /** A column of words, as written (quotes removed). */
        public String[] texts(String column) {
            int c = index(column);
            String[] out = new String[csv.rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] = csv.text(r, c);
            }
            return out;
        }

        /** The line of the file where row {@code row} starts. */
        public int line(int row) {
            return csv.line(row);
        }

        /**
         * An error in a field of this file, naming the file, the line and the column.
         *
         * @param row the row, or -1 for the header
         */
        public ConfigException error(int row, String column, String problem) {
            return new ConfigException(csv.source(), row < 0 ? csv.headerLine() : csv.line(row), column, problem);
        }

        private int index(String column) {
            declared(column);
            return csv.column(column);
        }

        private void declared(String column) {
            if (column.equals("step")) {
                return;
            }
            if (allowed == null) {
                throw new IllegalStateException(csv.source() + ": the columns are read before expect() declared them");
            }
            if (!allowed.contains(column)) {
                throw new IllegalStateException(csv.source() + ": column " + column + " is read but expect() did not declare it");
            }
        }
    }
}
