package org.theorycheck.theories.scansnap.data;

/** The role of a token in the context (paper §1.3): from the set Ω(l) of classes where P(l|n) > 0. */
public enum TokenRole {
    /** |Ω(l)| = 1: the token identifies its class. */
    DISTINCT,
    /** |Ω(l)| > 1: shared by several classes. */
    COMMON,
    /** |Ω(l)| = 0: never appears in a context (query and next tokens). */
    ABSENT;

    /** The lower-case name used in output files. */
    public String label() {
        return name().toLowerCase();
    }
}
