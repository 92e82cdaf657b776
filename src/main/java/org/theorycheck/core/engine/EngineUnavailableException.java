package org.theorycheck.core.engine;

/** libtorch could not be started: names what is missing so the user can act. Commands turn it into exit code 2. */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
