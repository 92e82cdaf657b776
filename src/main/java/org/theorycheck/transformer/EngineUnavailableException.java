package org.theorycheck.transformer;

/** libtorch could not be started: names what is missing so the user can act. Commands turn it into exit code 2. */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
