package org.theorycheck.core.claims;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentValues;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rung {@code external} of every theory: the runs of a check's experiment read from files rather than computed. It
 * stands for the rung the experiment names (its {@code rung} key, what {@code train} runs): random if that one is, and
 * it holds the runs of that one experiment only.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
final class ExternalRung<E extends Experiment, T extends Trace> implements Rung<E, T> {

    private final Theory<E, T> theory;
    private final Rung<E, T> standsFor;
    private final ExternalRuns runs;

    ExternalRung(Theory<E, T> theory, Rung<E, T> standsFor, ExternalRuns runs) {
        this.theory = theory;
        this.standsFor = standsFor;
        this.runs = runs;
    }

    @Override
    public String name() {
        return ClaimFiles.EXTERNAL;
    }

    /** What names its runs in a cache: its files' checksums. */
    String cacheKey() {
        return name() + "|" + runs.identity();
    }

    /**
     * The run of this seed as its files hold it.
     *
     * @throws IllegalArgumentException for another configuration than the check's experiment (a quantity that scans rates
     *                                  itself): files hold the runs they hold
     */
    @Override
    public T run(E experiment, long seed) {
        if (!experiment.fingerprint().equals(runs.fingerprint())) {
            throw new IllegalArgumentException("the runs read from files (runs: " + runs.pattern() + ") are of the check's "
                    + "experiment only, and the quantity asks for a run of another configuration (" + changes(experiment)
                    + "); check this quantity on a rung that computes its runs");
        }
        return runs.trace(theory, experiment, seed);
    }

    private String changes(E experiment) {
        Map<String, String> mine = ExperimentValues.fingerprintEntries(runs.fingerprint());
        Map<String, String> asked = ExperimentValues.fingerprintEntries(experiment.fingerprint());
        List<String> out = new ArrayList<>();
        asked.forEach((k, v) -> {
            if (!v.equals(mine.get(k))) {
                out.add(k + " " + mine.getOrDefault(k, "(none)") + " -> " + v);
            }
        });
        return String.join(", ", out);
    }

    @Override
    public boolean isRandom(E experiment) {
        return standsFor.isRandom(experiment);
    }

    @Override
    public void requireApplicable(E experiment) {
        standsFor.requireApplicable(experiment);
    }
}
