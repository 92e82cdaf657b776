package org.theorycheck.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers a figure draws, as a CSV table: whoever wants to redraw the figure in another tool, or
 * check one point of it, reads this file.
 */
public final class DataTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public DataTable(String... header) {
        this.header = List.of(header);
    }

    /** Appends a row; numbers are written with full precision, text as is. */
    public DataTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the header " + header.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c instanceof Double d ? number(d) : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    /** Ten significant digits, trailing zeros of the mantissa dropped (never those of the exponent). */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceFirst("\\.?0+$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    public int rows() {
        return rows.size();
    }

    public String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString();
    }
}
