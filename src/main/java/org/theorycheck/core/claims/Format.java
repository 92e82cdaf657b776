package org.theorycheck.core.claims;

import java.util.Locale;

/** Number formatting for verdict tables: short, and the same on every machine. */
public final class Format {

    private Format() {}

    /** Four significant digits, scientific notation for very small or very large magnitudes. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", v).replaceFirst("\\.?0+e", "e");
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }

    /** How many seeds a headline is over: " (1 seed)", " (3 seeds)". */
    public static String seeds(int count) {
        return count == 1 ? " (1 seed)" : " (" + count + " seeds)";
    }
}
