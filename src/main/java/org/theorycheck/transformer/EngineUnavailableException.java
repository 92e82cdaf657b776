package org.theorycheck.transformer;

import org.theorycheck.train.EnvironmentException;

/** libtorch could not be started: names what is missing so the user can act. Commands turn it into exit code 4. */
public final class EngineUnavailableException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
