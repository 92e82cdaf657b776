package org.theorycheck.core.ladder;

import org.theorycheck.core.io.OutputSet;
import org.theorycheck.core.report.Csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The one file form of every theory's traces: {@code trace.csv} ({@code step}, then one column per
 * series) and {@code <table>.csv} per table. Times are written as integers when they are ones, so that
 * discrete and continuous rungs print the same labels; other numbers with {@link Double#toString(double)}
 * (exact round trip, identical bytes for identical values); a NaN, which means "not defined here", as an
 * empty field.
 */
public final class TraceCsv {

    /** The name of the series file. */
    public static final String TRACE = "trace.csv";

    private TraceCsv() {}

    /** A time in steps as text: an integer when it is one. */
    public static String step(double step) {
        return step == Math.rint(step) && Math.abs(step) < 1e15 ? Long.toString((long) step) : Double.toString(step);
    }

    /** A number as a field: empty for NaN. */
    public static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /**
     * Writes {@code trace.csv} and the tables into {@code dir} (created if needed), put in place together: a
     * failure or a kill leaves the previous files.
     */
    public static void write(Trace trace, Path dir) {
        write(trace, null, dir);
    }

    /**
     * As {@link #write(Trace, Path)}, with {@link RunOrigin#FILE} beside the trace files, put in place with them (so that it
     * never describes other files than those beside it).
     *
     * @param origin what the run was computed with, or null to write none
     */
    public static void write(Trace trace, RunOrigin origin, Path dir) {
        try (OutputSet files = OutputSet.in(dir)) {
            files.text(TRACE, w -> writeSeries(trace, w));
            for (TraceTable table : trace.tables()) {
                files.text(table.name() + ".csv", w -> writeTable(table, w));
            }
            if (origin != null) {
                files.text(RunOrigin.FILE, origin.text());
            }
            files.commit();
        }
    }

    /** The series as {@code trace.csv}. */
    public static void writeSeries(Trace trace, Writer w) throws IOException {
        List<String> names = trace.seriesNames();
        double[] steps = trace.steps();
        double[][] columns = new double[names.size()][];
        StringBuilder header = new StringBuilder("step");
        for (int c = 0; c < names.size(); c++) {
            columns[c] = trace.series(names.get(c));
            header.append(',').append(Csv.field(names.get(c)));
        }
        w.write(header.append('\n').toString());
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            row.setLength(0);
            row.append(step(steps[i]));
            for (double[] column : columns) {
                row.append(',').append(number(column[i]));
            }
            w.write(row.append('\n').toString());
        }
    }

    /** One table as CSV. */
    public static void writeTable(TraceTable table, Writer w) throws IOException {
        List<String> columns = table.columns();
        int stepColumn = columns.indexOf("step");
        w.write(String.join(",", columns.stream().map(Csv::field).toList()) + "\n");
        StringBuilder row = new StringBuilder();
        IOException[] failure = new IOException[1];
        table.rows(values -> {
            if (failure[0] != null) {
                return;
            }
            row.setLength(0);
            for (int c = 0; c < values.length; c++) {
                if (c > 0) {
                    row.append(',');
                }
                Object v = values[c];
                if (c == stepColumn && v instanceof Number n) {
                    row.append(step(n.doubleValue()));
                } else if (v instanceof Double d) {
                    row.append(number(d));
                } else if (v instanceof Float f) {
                    row.append(number(f));
                } else if (v instanceof Number n) {
                    row.append(n);
                } else {
                    row.append(Csv.field(String.valueOf(v)));
                }
            }
            try {
                w.write(row.append('\n').toString());
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
