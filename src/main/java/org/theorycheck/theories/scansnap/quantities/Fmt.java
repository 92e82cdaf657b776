package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.Format;

/** Short text pieces for measurement headlines. */
final class Fmt {

    private Fmt() {}

    static String n(double v) {
        return Format.number(v);
    }

    static String seeds(int count) {
        return count == 1 ? " (1 seed)" : " (" + count + " seeds)";
    }
}
