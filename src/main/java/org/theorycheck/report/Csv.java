package org.theorycheck.report;

/** Shared CSV formatting. */
final class Csv {

    private Csv() {}

    /** A time in steps: an integer when it is one, so SGD and ODE rungs print the same step labels. */
    static String step(double step) {
        return step == Math.rint(step) && Math.abs(step) < 1e15 ? Long.toString((long) step) : Double.toString(step);
    }

    /** Quotes a field if it holds a comma, a quote or a line break. */
    static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
