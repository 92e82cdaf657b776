package org.theorycheck.core.experiment;

import java.util.List;

/**
 * What the core needs of every theory's validated experiment: a theory binds an experiment file to a
 * type of its own ({@link ExperimentSchema#bind}) that implements this.
 */
public interface Experiment {

    /** The experiment's name: its {@code name} key, else the file name without extension. */
    String name();

    /** Where it was read from, for messages. */
    String source();

    /** The seeds, in the order given. */
    List<Long> seeds();

    /** The axes still to sweep (empty for one configuration). */
    List<SweepAxis> sweep();

    /** The rung that {@code train} and {@code sweep} run. */
    String rung();

    /** How many steps the top rung's optimiser takes in a run: every rung's time axis ends there. */
    long steps();

    /**
     * Everything a run depends on, as {@code key=value} lines in the schema's order
     * ({@link ExperimentValues#fingerprint()}): two experiments with equal fingerprints give equal runs
     * for equal seeds on equal rungs.
     */
    String fingerprint();

    /**
     * Fails unless no key is still swept: commands that run one configuration call this.
     *
     * @param refusal how the message starts, e.g. "train runs one configuration"
     * @param advice  what to add after "fix it with KEY=VALUE", e.g. " or use sweep" (may be empty)
     */
    default void requireSingleConfiguration(String refusal, String advice) {
        if (!sweep().isEmpty()) {
            SweepAxis axis = sweep().get(0);
            throw new ConfigException(source(), 0, axis.key(), refusal + " but " + axis.key() + " is swept " + axis.values()
                    + "; fix it with " + axis.key() + "=VALUE" + advice);
        }
    }
}
