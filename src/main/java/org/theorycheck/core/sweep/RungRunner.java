package org.theorycheck.core.sweep;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;

import java.util.List;

/**
 * The run of a sweep cell that a user means by {@code sweep}: the experiment's own rung (its {@code rung}
 * key), reduced to the theory's observables. A copy shipped to another machine finds the theory there by
 * its id and keeps one ladder, so a rung that reads something once (a corpus) reads it once per machine.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public final class RungRunner<E extends Experiment, T extends Trace> implements Sweep.Runner<E> {
    private static final long serialVersionUID = 1L;

    private final String theory;
    private transient Theory<E, T> resolved;
    private transient List<Rung<E, T>> ladder;

    public RungRunner(Theory<E, T> theory) {
        this.theory = theory.id();
        this.resolved = theory;
    }

    @Override
    public double[] run(E config, long seed) {
        return resolved().observables().of(config, rung(config).run(config, seed));
    }

    /** Reads what the runs of this cell need ({@link Rung#prepare}) into this runner's ladder, before any run starts. */
    public void prepare(E config) {
        rung(config).prepare(config);
    }

    private synchronized Theory<E, T> resolved() {
        if (resolved == null) {
            resolved = Theories.discovered().typed(theory);
        }
        return resolved;
    }

    private synchronized Rung<E, T> rung(E config) {
        if (ladder == null) {
            ladder = List.copyOf(resolved().ladder());
        }
        return ladder.stream().filter(r -> r.name().equals(config.rung())).findFirst()
                .orElseThrow(() -> new IllegalStateException("theory " + theory + " has no rung " + config.rung()));
    }
}
