package org.theorycheck.core.report;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.io.InputFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read back for plotting (trace.csv, attention.csv, summary.csv, …). Every failed lookup —
 * a missing file, a missing column, a field that is not a number — throws a {@link ConfigException}
 * naming the file, the line (of the file, blank lines counted) and the column, so a command can exit with code 2
 * before writing anything. Fields may be quoted as {@link Csv#field(String)} writes them.
 */
public final class CsvTable {

    private final String source;
    private final List<String> header;
    private final List<List<String>> rows;
    /** The line of the file where each data row starts (blank lines and quoted line breaks counted). */
    private final int[] lines;
    private final int headerLine;

    private CsvTable(String source, List<String> header, int headerLine, List<List<String>> rows, int[] lines) {
        this.source = source;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.lines = lines;
    }

    public static CsvTable read(Path file) {
        return parse(file.toString(), InputFiles.readText(file, "a CSV file", Long.MAX_VALUE));
    }

    /** Parses CSV text; {@code source} names it in error messages. */
    public static CsvTable parse(String source, String text) {
        List<List<String>> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean lineHasContent = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                lineHasContent = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                lineHasContent = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (lineHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    lines.add(fields);
                    starts.add(start);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                lineHasContent = false;
                line++;
                start = line;
            } else {
                field.append(ch);
                lineHasContent = true;
            }
        }
        if (lineHasContent || field.length() > 0) {
            fields.add(field.toString());
            lines.add(fields);
            starts.add(start);
        }
        if (lines.isEmpty()) {
            throw new ConfigException(source, 0, "", "the file is empty; expected a CSV header line");
        }
        List<String> header = lines.get(0);
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).size() != header.size()) {
                throw new ConfigException(source, starts.get(r), "", "has " + lines.get(r).size() + " fields, the header has "
                        + header.size());
            }
        }
        int[] rowLines = starts.subList(1, starts.size()).stream().mapToInt(Integer::intValue).toArray();
        return new CsvTable(source, header, starts.get(0), lines.subList(1, lines.size()), rowLines);
    }

    /** The file name (or other source label) used in messages. */
    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return header.contains(name);
    }

    /** The number of data rows (the header excluded). */
    public int rows() {
        return rows.size();
    }

    /** The index of column {@code name}; a {@link ConfigException} naming the file and the column if absent. */
    public int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new ConfigException(source, headerLine, name, "no such column; the columns are " + String.join(", ", header));
        }
        return index;
    }

    public String text(int row, int column) {
        return rows.get(row).get(column);
    }

    /**
     * A field of a rung's output (trace.csv, attention.csv), where an empty field is a value the rung does not
     * determine ({@link org.theorycheck.core.ladder.TraceCsv}): NaN, which a plot leaves as a gap. Otherwise as {@link #number}.
     */
    public double observed(int row, int column) {
        return rows.get(row).get(column).isBlank() ? Double.NaN : number(row, column);
    }

    /** {@link #observed} of a whole column. */
    public double[] observedColumn(String name) {
        return column(name, true);
    }

    /** A numeric field; {@code NaN}, {@code Infinity} and their signed forms are accepted as written by Java. */
    public double number(int row, int column) {
        String s = rows.get(row).get(column).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ConfigException(source, line(row), header.get(column), "'" + s + "' is not a number");
        }
    }

    /** The whole column as numbers. */
    public double[] numbers(String name) {
        return column(name, false);
    }

    private double[] column(String name, boolean observed) {
        int c = column(name);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = observed ? observed(r, c) : number(r, c);
        }
        return out;
    }

    /** The 1-based line of the header. */
    public int headerLine() {
        return headerLine;
    }

    /** The 1-based line of the file where data row {@code row} starts, for messages. */
    public int line(int row) {
        return lines[row];
    }
}
