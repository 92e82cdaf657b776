package org.theorycheck.core.claims;

import java.util.List;

/** The symbolic checks a claim file can name with {@code rung: symbolic}. */
public interface SymbolicChecks {

    /** The check ids. */
    List<String> ids();

    /** Runs one: deviation 0 if the identity was established, 1 if it was refuted; the text says how. */
    Measurement run(String id);
}
