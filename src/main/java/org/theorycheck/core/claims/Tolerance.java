package org.theorycheck.core.claims;

import java.io.Serializable;

/**
 * How a check turns a deviation into a verdict. Deviations are non-negative, in the units the check's
 * quantity documents, and 0 means "exactly as predicted".
 *
 * @param exact      deviation ≤ exact ⇒ HOLDS (rounding or integration error; may be 0)
 * @param approx     deviation ≤ approx ⇒ HOLDS_APPROX, above ⇒ FAILS (> 0)
 * @param confidence two-sided confidence of the interval over seeds (e.g. 0.95)
 */
public record Tolerance(double exact, double approx, double confidence) implements Serializable {

    public Tolerance {
        if (!(exact >= 0) || !(approx > 0) || exact > approx) {
            throw new IllegalArgumentException("need 0 <= exact <= approx and approx > 0");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
    }

    /** The tolerance of a yes/no check (a symbolic identity): deviation 0 holds, 1 fails. */
    public static Tolerance binary() {
        return new Tolerance(0, 0.5, 0.95);
    }

    /** For tables: "exact <= e; approx <= a". */
    public String describe() {
        return "exact <= " + Format.number(exact) + "; approx <= " + Format.number(approx);
    }
}
