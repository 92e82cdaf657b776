package org.theorycheck.core.claims;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.report.FigureRecipe;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check of one quantity on traces a test hands over: the theory's rungs give whatever the test makes
 * of an experiment and seed (a real run, or one changed so that it breaks the claim) instead of running,
 * so that a quantity can be shown input whose verdict is known. Parameters are typed and completed with
 * their defaults as a claim file's are. For the contract tests of quantities.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public final class HandMadeCheck<E extends Experiment, T extends Trace> {

    /** The trace a rung hands over for an experiment and seed; {@code real} is the theory's rung, to run or ignore. */
    @FunctionalInterface
    public interface Traces<E extends Experiment, T extends Trace> {
        T of(Rung<E, T> real, E experiment, long seed);
    }

    private final Theory<E, T> theory;
    private final String rung;
    private final Path experiment;
    private final List<String> overrides;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private Traces<E, T> traces = Rung::run;

    private HandMadeCheck(Theory<E, T> theory, String rung, Path experiment, List<String> overrides) {
        this.theory = theory;
        this.rung = rung;
        this.experiment = experiment;
        this.overrides = List.copyOf(overrides);
    }

    /** A check on {@code rung} of the experiment file with these overrides (null for a check that needs none). */
    public static <E extends Experiment, T extends Trace> HandMadeCheck<E, T> on(Theory<E, T> theory, String rung, Path experiment,
                                                                               String... overrides) {
        return new HandMadeCheck<>(theory, rung, experiment, List.of(overrides));
    }

    /** Sets a parameter, as a claim file writes it (a string, a number, a list). */
    public HandMadeCheck<E, T> param(String name, Object written) {
        params.put(name, written);
        return this;
    }

    /** What the rungs hand over; by default they run. */
    public HandMadeCheck<E, T> traces(Traces<E, T> handed) {
        this.traces = handed;
        return this;
    }

    /** What the quantity measures of this check. */
    public Measurement measure(Quantity<E, T> quantity) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Parameter p : quantity.parameters()) {
            if (params.containsKey(p.name())) {
                typed.put(p.name(), p.parse(params.get(p.name())));
            } else if (p.fallback() != null) {
                typed.put(p.name(), p.fallback());
            }
        }
        if (!typed.keySet().containsAll(params.keySet())) {
            throw new IllegalArgumentException(quantity.name() + " has no parameter among " + params.keySet()
                    + "; it has " + quantity.parameters().stream().map(Parameter::name).toList());
        }
        CheckSpec spec = new CheckSpec("hand-made", rung, experiment, overrides, List.of(), quantity.name(), typed,
                Tolerance.binary(), Verdict.HOLDS, "", Path.of("hand-made.yaml"), 1);
        ExperimentSource source = experiment == null ? null : ExperimentSource.read(experiment, overrides);
        return quantity.measure(new CheckContext<>(spec, source, theory.experiments(), true, new RunCache<>(new HandedOver())));
    }

    /** The theory with rungs that hand over the test's traces. */
    private final class HandedOver implements Theory<E, T> {
        @Override
        public String id() {
            return theory.id();
        }

        @Override
        public String title() {
            return theory.title();
        }

        @Override
        public ExperimentSchema<E> experiments() {
            return theory.experiments();
        }

        @Override
        public List<Rung<E, T>> ladder() {
            return theory.ladder().stream().<Rung<E, T>>map(HandingOver::new).toList();
        }

        @Override
        public List<Quantity<E, T>> quantities() {
            return theory.quantities();
        }

        @Override
        public SymbolicChecks symbolic() {
            return theory.symbolic();
        }

        @Override
        public Observables<E, T> observables() {
            return theory.observables();
        }

        @Override
        public List<FigureRecipe> figures() {
            return theory.figures();
        }
    }

    /** A rung of the theory that hands over the test's trace and otherwise answers as the rung does. */
    private final class HandingOver implements Rung<E, T> {
        private final Rung<E, T> real;

        HandingOver(Rung<E, T> real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public T run(E e, long seed) {
            return traces.of(real, e, seed);
        }

        @Override
        public boolean isRandom(E e) {
            return real.isRandom(e);
        }

        @Override
        public void requireApplicable(E e) {
            real.requireApplicable(e);
        }
    }
}
