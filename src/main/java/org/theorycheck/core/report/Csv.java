package org.theorycheck.core.report;

/** Shared CSV formatting. */
public final class Csv {

    private Csv() {}

    /** Quotes a field if it holds a comma, a quote or a line break. */
    public static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
