package org.theorycheck.core.engine;

import org.theorycheck.core.engine.EnvironmentException;

/** libtorch could not be started: names what is missing so the user can act. Commands turn it into exit code 4. */
public final class EngineUnavailableException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
