package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.core.ladder.TraceTable;
import org.theorycheck.theories.scansnap.ScanSnapTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run of the transformer on real text ({@link TextRun}), one record per recorded iteration. Its series:
 * {@code loss}, {@code val_perplexity}, then {@code entropy_L} for every layer L (from 0), then
 * {@code change_L} (undefined at the first record, where there is nothing to compare with); its table
 * {@code attention_maps} ({@code step,query,key,p}): layer 0's attention on the mapped training window,
 * every (query, key) with key ≤ query.
 *
 * @param records the records, in iteration order
 */
public record TextTrace(List<TextRun.Record> records) implements ScanSnapTrace {

    public TextTrace {
        records = List.copyOf(records);
    }

    /** The last record. */
    public TextRun.Record last() {
        return records.get(records.size() - 1);
    }

    private int layers() {
        return records.get(0).entropy().length;
    }

    @Override
    public double[] steps() {
        return records.stream().mapToDouble(TextRun.Record::step).toArray();
    }

    @Override
    public List<String> seriesNames() {
        List<String> names = new ArrayList<>(List.of("loss", "val_perplexity"));
        for (int l = 0; l < layers(); l++) {
            names.add("entropy_" + l);
        }
        for (int l = 0; l < layers(); l++) {
            names.add("change_" + l);
        }
        return names;
    }

    @Override
    public double[] series(String name) {
        if (name.equals("loss")) {
            return records.stream().mapToDouble(TextRun.Record::loss).toArray();
        }
        if (name.equals("val_perplexity")) {
            return records.stream().mapToDouble(TextRun.Record::perplexity).toArray();
        }
        if (name.matches("(entropy|change)_\\d+")) {
            int layer = Integer.parseInt(name.substring(name.indexOf('_') + 1));
            if (layer < layers()) {
                boolean entropy = name.startsWith("entropy");
                return records.stream().mapToDouble(r -> entropy ? r.entropy()[layer] : r.change()[layer]).toArray();
            }
        }
        throw new IllegalArgumentException("a run on text has no series " + name + "; it has " + seriesNames());
    }

    @Override
    public List<TraceTable> tables() {
        return List.of(new TraceTable() {
            @Override
            public String name() {
                return "attention_maps";
            }

            @Override
            public List<String> columns() {
                return List.of("step", "query", "key", "p");
            }

            @Override
            public void rows(Consumer<Object[]> row) {
                for (TextRun.Record r : records) {
                    int length = (int) Math.round(Math.sqrt(r.map().length));
                    for (int q = 0; q < length; q++) {
                        for (int k = 0; k <= q; k++) {
                            row.accept(new Object[] {r.step(), q, k, r.map()[q * length + k]});
                        }
                    }
                }
            }
        });
    }
}
