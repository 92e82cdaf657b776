package org.theorycheck.core.claims;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.LocalEngine;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.ladder.Trace;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the checks of a set of claims, of any theories, in parallel, one check per task of an
 * {@link Engine}, and returns their results in file order. A check that throws gets the verdict ERROR
 * with the exception's message; it never stops the other checks. The results depend only on the claims
 * and their seeds, never on the engine or its parallelism (only the seconds column does).
 */
public final class ClaimRunner {

    private final Theories theories;
    private final boolean full;
    private final Engine engine;
    private final int threads;
    private final Checks local;

    /**
     * Checks on this machine.
     *
     * @param full    run at paper size (ignore the checks' {@code quick} overrides)
     * @param threads worker threads (≥ 1)
     */
    public ClaimRunner(Theories theories, boolean full, int threads) {
        this(theories, full, null, Math.max(1, threads));
    }

    /**
     * Checks on an engine. Each task carries its check, its theory's id and its experiment's text, so a
     * machine that runs it needs neither file; it finds the theory on its own class path.
     */
    public ClaimRunner(Theories theories, boolean full, Engine engine) {
        this(theories, full, engine, 0);
    }

    private ClaimRunner(Theories theories, boolean full, Engine engine, int threads) {
        this.theories = theories;
        this.full = full;
        this.engine = engine;
        this.threads = threads;
        this.local = new Checks(theories);
    }

    /** Runs every check; {@code onDone} is called as each finishes, one call at a time. */
    public List<CheckResult> run(List<Claim> claims, Consumer<CheckResult> onDone) throws InterruptedException {
        List<CheckInput> inputs = new ArrayList<>();
        List<Claim> owners = new ArrayList<>();
        for (Claim claim : claims) {
            for (CheckSpec check : claim.checks()) {
                inputs.add(new CheckInput(claim.theory(), check, experiment(check)));
                owners.add(claim);
            }
        }
        CheckTask task = new CheckTask(full);
        task.checks = new Checks(theories);
        CheckResult[] results = new CheckResult[inputs.size()];
        Engine on = engine != null ? engine : new LocalEngine(threads);
        try {
            on.run(inputs, task, (index, outcome) -> {
                CheckResult r = outcome.result(owners.get(index), inputs.get(index).check());
                results[index] = r;
                onDone.accept(r);
            });
        } finally {
            if (engine == null) {
                on.close();
            }
        }
        return Arrays.asList(results);
    }

    /** Runs one check in the calling thread; checks run this way share this runner's runs. */
    public CheckResult runOne(Claim claim, CheckSpec check) {
        return local.measure(full, new CheckInput(claim.theory(), check, experiment(check))).result(claim, check);
    }

    /** The check's experiment file with the check's overrides, as text (null if it names none). */
    private static ExperimentSource experiment(CheckSpec check) {
        return check.experiment() == null ? null : ExperimentSource.read(check.experiment(), check.overrides());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * What a check needs wherever it runs: its theory, its declaration and its experiment's text, so that
     * the machine that runs it needs neither the claim file nor the experiment file (messages still name both).
     *
     * @param experiment the experiment with the check's overrides, or null if the check names none
     */
    record CheckInput(String theory, CheckSpec check, ExperimentSource experiment) implements Serializable {}

    /** What a check gave, in a form that travels back from another machine (the measurement, if any, by its parts). */
    record Outcome(Verdict verdict, String text, double value, double[] deviations, String counterexample,
                   Measurement.Replicates replicates, String evidence, Movement movement, String error, double seconds)
            implements Serializable {

        CheckResult result(Claim claim, CheckSpec check) {
            Measurement m = text == null ? null
                    : new Measurement(value, text, deviations, counterexample, replicates, evidence, movement);
            return new CheckResult(claim, check, verdict, m, error, seconds);
        }
    }

    /** Per theory, its quantities and one cache of runs, made when a check of that theory first comes. */
    private static final class Checks {
        private final Theories theories;
        private final Map<String, TheoryChecks<?, ?>> byTheory = new ConcurrentHashMap<>();

        Checks(Theories theories) {
            this.theories = theories;
        }

        Outcome measure(boolean full, CheckInput in) {
            long start = System.nanoTime();
            try {
                TheoryChecks<?, ?> t = byTheory.computeIfAbsent(in.theory(),
                        id -> new TheoryChecks<>(theories.require(id, in.check().location(), 0, "theory")));
                Measurement m = t.measure(full, in.check(), in.experiment());
                ExternalRuns runs = in.check().runs();
                String evidence = runs == null ? m.evidence() : Verdicts.evidence(m, in.check().tolerance()) + "; " + runs.evidence();
                // on runs from files the evidence already says how far they moved, before the files' checksums
                Movement movement = runs == null ? m.movement() : null;
                return new Outcome(Verdicts.decide(m, in.check().tolerance()), m.text(), m.value(), m.deviations(),
                        m.counterexample(), m.replicates(), evidence, movement, "", seconds(start));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return new Outcome(Verdict.ERROR, null, Double.NaN, null, null, null, null, null, message, seconds(start));
            }
        }
    }

    /** One theory's quantities and cache of runs. */
    private static final class TheoryChecks<E extends Experiment, T extends Trace> {
        private final Theory<E, T> theory;
        private final Quantities<E, T> quantities;
        private final RunCache<E, T> cache;

        @SuppressWarnings("unchecked")
        TheoryChecks(Theory<?, ?> theory) {
            this.theory = (Theory<E, T>) theory;
            this.quantities = Quantities.of(this.theory);
            this.cache = new RunCache<>(this.theory);
        }

        Measurement measure(boolean full, CheckSpec check, ExperimentSource experiment) {
            if (check.rung().equals(ClaimFiles.SYMBOLIC)) {
                return quantities.symbolic().run(check.quantity());
            }
            Quantity<E, T> q = quantities.find(check.quantity()).orElseThrow();
            return q.measure(new CheckContext<>(check, experiment, theory.experiments(), full, cache));
        }
    }

    /**
     * Runs one check. Here the theories are handed over; a copy shipped to another machine arrives without
     * them and finds them on that machine's class path, with caches shared among the checks that copy runs.
     */
    static final class CheckTask implements Engine.Task<CheckInput, Outcome> {
        private static final long serialVersionUID = 3L;

        private final boolean full;
        private transient Checks checks;

        CheckTask(boolean full) {
            this.full = full;
        }

        @Override
        public Outcome apply(CheckInput in) {
            Checks mine;
            synchronized (this) {
                if (checks == null) {
                    checks = new Checks(Theories.discovered());
                }
                mine = checks;
            }
            return mine.measure(full, in);
        }
    }
}
