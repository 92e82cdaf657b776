package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.report.CsvTable;
import org.theorycheck.theories.scansnap.report.KeyLabels;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One observable over time, read from a rung's output: a trace.csv column (loss, distinct_entropy,
 * decoder_residual, an extra such as {@code gamma} or {@code B_0}), or from attention.csv the logit
 * {@code z:<n>:<token>} = z_{ψ(n),l} or the attention {@code c:<n>:<token>} = c_{l|n}.
 */
public final class TraceSeries {

    private static final Pattern ATTENTION = Pattern.compile("([zc]):(\\d+):(\\d+)");

    /**
     * What to read.
     *
     * @param column    the trace.csv column, or {@code z} / {@code c} for attention.csv
     * @param nextToken class n (attention selectors only, else −1)
     * @param token     token l (attention selectors only, else −1)
     */
    public record Selector(String column, int nextToken, int token) {

        /** Parses {@code distinct_entropy}, {@code gamma}, {@code z:0:19}, {@code c:1:29}, … */
        public static Selector parse(String text) {
            Matcher m = ATTENTION.matcher(text.trim());
            if (m.matches()) {
                return new Selector(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (text.isBlank() || text.contains(":")) {
                throw new ConfigException("command line", 0, "--column", "'" + text
                        + "' is neither a trace.csv column nor z:<n>:<token> or c:<n>:<token>");
            }
            return new Selector(text.trim(), -1, -1);
        }

        public boolean attention() {
            return nextToken >= 0;
        }

        /** The file a directory holds this selector's data in. */
        public String fileName() {
            return attention() ? "attention.csv" : "trace.csv";
        }

        public String axisTitle() {
            if (!attention()) {
                return KeyLabels.axisTitle(column);
            }
            String of = "(n = " + nextToken + ", l = " + token + ")";
            return column.equals("z") ? "attention logit z " + of : "attention c(l|n) " + of;
        }
    }

    /** A sampled series: {@code values[i]} at {@code steps[i]}; {@code source} names the file. */
    public record Sampled(String source, double[] steps, double[] values) {}

    private TraceSeries() {}

    /** Reads {@code path}: a trace.csv / attention.csv file, or a directory holding them. */
    public static Sampled read(Path path, Selector selector) {
        Path file = Files.isDirectory(path) ? path.resolve(selector.fileName()) : path;
        return select(CsvTable.read(file), selector);
    }

    /** The same series from a trajectory in memory, through the CSV writers so that both paths agree. */
    public static Sampled of(Trajectory trajectory, Selector selector) {
        StringWriter w = new StringWriter();
        try {
            if (selector.attention()) {
                TraceCsv.writeTable(trajectory.tables().get(0), w);
            } else {
                TraceCsv.writeSeries(trajectory, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return select(CsvTable.parse(trajectory.rung() + " trajectory", w.toString()), selector);
    }

    static Sampled select(CsvTable csv, Selector selector) {
        if (!selector.attention()) {
            return new Sampled(csv.source(), csv.numbers("step"), csv.observedColumn(selector.column()));
        }
        AttentionTable table = AttentionTable.of(csv);
        List<AttentionTable.Entry> rows = table.entries().stream()
                .filter(e -> e.nextToken() == selector.nextToken() && e.token() == selector.token()).toList();
        if (rows.isEmpty()) {
            throw new ConfigException(csv.source(), 0, "token", "no rows for class n = " + selector.nextToken()
                    + " and token l = " + selector.token() + " (the token must be in the class's support)");
        }
        double[] steps = rows.stream().mapToDouble(AttentionTable.Entry::step).toArray();
        double[] values = rows.stream().mapToDouble(selector.column().equals("z")
                ? AttentionTable.Entry::z : AttentionTable.Entry::c).toArray();
        return new Sampled(csv.source(), steps, values);
    }
}
