package org.theorycheck.report;

import org.theorycheck.output.OutputSet;
import org.theorycheck.transformer.TextRun;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run on real text ({@link TextRun}), one row per recorded iteration:
 * <ul>
 *   <li>{@code trace.csv}: {@code step,loss,val_perplexity}, then {@code entropy_L} for every layer L
 *   (from 0), then {@code change_L} (empty at the first row, where there is nothing to compare with);</li>
 *   <li>{@code attention_maps.csv}: {@code step,query,key,p}, layer 0's attention on the mapped training
 *   window, every (query, key) with key ≤ query.</li>
 * </ul>
 * Numbers as {@link Double#toString(double)}, as in {@link TrajectoryCsv}.
 */
public final class TextTraceCsv {

    private TextTraceCsv() {}

    /**
     * Writes both files into {@code dir} (created if needed), put in place together: a failure or a kill
     * leaves the previous pair.
     */
    public static void write(List<TextRun.Record> records, Path dir) {
        try (OutputSet files = OutputSet.in(dir)) {
            files.text("trace.csv", w -> writeTrace(records, w));
            files.text("attention_maps.csv", w -> writeMaps(records, w));
            files.commit();
        }
    }

    static void writeTrace(List<TextRun.Record> records, Writer w) throws IOException {
        int layers = records.get(0).entropy().length;
        StringBuilder header = new StringBuilder("step,loss,val_perplexity");
        for (int l = 0; l < layers; l++) {
            header.append(",entropy_").append(l);
        }
        for (int l = 0; l < layers; l++) {
            header.append(",change_").append(l);
        }
        w.write(header + "\n");
        for (TextRun.Record r : records) {
            StringBuilder row = new StringBuilder().append(r.step()).append(',').append(r.loss()).append(',').append(r.perplexity());
            for (double e : r.entropy()) {
                row.append(',').append(e);
            }
            for (double c : r.change()) {
                row.append(',').append(Double.isNaN(c) ? "" : Double.toString(c));
            }
            w.write(row + "\n");
        }
    }

    static void writeMaps(List<TextRun.Record> records, Writer w) throws IOException {
        w.write("step,query,key,p\n");
        for (TextRun.Record r : records) {
            int length = (int) Math.round(Math.sqrt(r.map().length));
            for (int q = 0; q < length; q++) {
                for (int k = 0; k <= q; k++) {
                    w.write(r.step() + "," + q + "," + k + "," + r.map()[q * length + k] + "\n");
                }
            }
        }
    }
}
