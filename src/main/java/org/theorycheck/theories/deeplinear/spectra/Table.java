package org.theorycheck.theories.deeplinear.spectra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure data: named columns of equal length, in order (one CSV file with a header row). Columns are
 * shared, not copied: treat them as read-only.
 */
public record Table(String name, LinkedHashMap<String, double[]> columns) {

    public Table {
        int rows = -1;
        for (Map.Entry<String, double[]> c : columns.entrySet()) {
            if (rows >= 0 && c.getValue().length != rows) {
                throw new IllegalArgumentException("table " + name + ": column " + c.getKey() + " has "
                        + c.getValue().length + " rows, the others " + rows);
            }
            rows = c.getValue().length;
        }
    }

    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    public double[] column(String column) {
        double[] c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + column + "; it has " + columns.keySet());
        }
        return c;
    }
}
