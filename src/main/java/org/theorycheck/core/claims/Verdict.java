package org.theorycheck.core.claims;

/** The outcome of one check of a claim. */
public enum Verdict {
    /** The deviation is within the check's exact bound (rounding or integration error). */
    HOLDS,
    /** The deviation exceeds the exact bound but is within the stated tolerance; it is reported. */
    HOLDS_APPROX,
    /** The deviation exceeds the tolerance; the counter-example is reported. */
    FAILS,
    /** The seeds cannot decide at the stated confidence: the interval straddles the tolerance. */
    INCONCLUSIVE,
    /** The check could not be computed (the message says why); never an expected verdict. */
    ERROR
}
