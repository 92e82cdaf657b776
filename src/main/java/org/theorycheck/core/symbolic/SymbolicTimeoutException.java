package org.theorycheck.core.symbolic;

import java.time.Duration;

/** A symbolic evaluation ran past its time limit and was abandoned. */
public final class SymbolicTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration limit;

    public SymbolicTimeoutException(String what, Duration limit) {
        super(what + " did not finish within " + limit.toMillis() + " ms");
        this.limit = limit;
    }

    /** The time limit that was reached. */
    public Duration limit() {
        return limit;
    }
}
