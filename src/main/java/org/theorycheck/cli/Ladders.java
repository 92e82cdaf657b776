package org.theorycheck.cli;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;

/** Finding a rung of a theory's ladder by the name a user gave. */
final class Ladders {

    private Ladders() {}

    /**
     * The rung of this name, from a fresh ladder.
     *
     * @throws ConfigException naming {@code source} and {@code key} and the theory's rungs if there is none
     */
    static <E extends Experiment, T extends Trace> Rung<E, T> rung(Theory<E, T> theory, String name, String source, String key) {
        return theory.ladder().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException(source, 0, key, "unknown rung '" + name + "' of theory " + theory.id()
                        + "; allowed: " + String.join(", ", theory.ladder().stream().map(Rung::name).toList())));
    }
}
