package org.theorycheck.core.engine;

/**
 * The machine, not the input, stopped a command: an engine, a cluster or a native library that cannot be
 * used. The message says what failed, where, and what to do; commands turn it into exit code 4.
 */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
