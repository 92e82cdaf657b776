package org.theorycheck.core.claims;

import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.LocalEngine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the checks of a set of claims in parallel, one check per task of an {@link Engine}, and returns
 * their results in file order. A check that throws gets the verdict ERROR with the exception's message;
 * it never stops the other checks. The results depend only on the claims and their seeds, never on the
 * engine or its parallelism (only the seconds column does).
 */
public final class ClaimRunner {

    /** Makes the registry of quantities on whichever machine runs a check (e.g. {@code ScanSnapQuantities::registry}). */
    public interface Registry extends Supplier<Quantities>, Serializable {}

    private final Registry registry;
    private final Quantities quantities;
    private final boolean full;
    private final Engine engine;
    private final int threads;

    /**
     * Checks on this machine.
     *
     * @param full    run at paper size (ignore the checks' {@code quick} overrides)
     * @param threads worker threads (≥ 1)
     */
    public ClaimRunner(Quantities quantities, boolean full, int threads) {
        this.registry = null;
        this.quantities = quantities;
        this.full = full;
        this.engine = null;
        this.threads = Math.max(1, threads);
    }

    /**
     * Checks on an engine. Each task carries its check and its experiment's text, so a machine that runs
     * it needs neither file; it makes its own registry.
     */
    public ClaimRunner(Registry registry, boolean full, Engine engine) {
        this.registry = registry;
        this.quantities = registry.get();
        this.full = full;
        this.engine = engine;
        this.threads = 0;
    }

    /** Runs every check; {@code onDone} is called as each finishes, one call at a time. */
    public List<CheckResult> run(List<Claim> claims, Consumer<CheckResult> onDone) throws InterruptedException {
        List<CheckInput> inputs = new ArrayList<>();
        List<Claim> owners = new ArrayList<>();
        for (Claim claim : claims) {
            for (CheckSpec check : claim.checks()) {
                inputs.add(new CheckInput(check, experiment(check)));
                owners.add(claim);
            }
        }
        CheckTask task = new CheckTask(registry, full);
        task.quantities = quantities;
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

    /** Runs one check in the calling thread. */
    public CheckResult runOne(Claim claim, CheckSpec check, RunCache cache) {
        return measure(quantities, full, check, experiment(check), cache).result(claim, check);
    }

    /** The check's experiment file with the check's overrides, as text (null if it names none). */
    private static ExperimentSource experiment(CheckSpec check) {
        return check.experiment() == null ? null : ExperimentSource.read(check.experiment(), check.overrides());
    }

    private static Outcome measure(Quantities quantities, boolean full, CheckSpec check, ExperimentSource experiment,
                                   RunCache cache) {
        long start = System.nanoTime();
        try {
            Measurement m;
            if (check.rung().equals(ClaimFiles.SYMBOLIC)) {
                m = quantities.symbolic().run(check.quantity());
            } else {
                Quantity q = quantities.find(check.quantity()).orElseThrow();
                m = q.measure(new CheckContext(check, experiment, full, cache, q.readsText()));
            }
            return new Outcome(Verdicts.decide(m, check.tolerance()), m.text(), m.value(), m.deviations(), m.counterexample(),
                    m.replicates(), m.evidence(), "", seconds(start));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(Verdict.ERROR, null, Double.NaN, null, null, null, null, message, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * What a check needs wherever it runs: its declaration and its experiment's text, so that the machine
     * that runs it needs neither the claim file nor the experiment file (messages still name both).
     *
     * @param experiment the experiment with the check's overrides, or null if the check names none
     */
    record CheckInput(CheckSpec check, ExperimentSource experiment) implements Serializable {}

    /** What a check gave, in a form that travels back from another machine (the measurement, if any, by its parts). */
    record Outcome(Verdict verdict, String text, double value, double[] deviations, String counterexample,
                   Measurement.Replicates replicates, String evidence, String error, double seconds) implements Serializable {

        CheckResult result(Claim claim, CheckSpec check) {
            Measurement m = text == null ? null : new Measurement(value, text, deviations, counterexample, replicates, evidence);
            return new CheckResult(claim, check, verdict, m, error, seconds);
        }
    }

    /**
     * Runs one check. Here the registry is handed over; a copy shipped to another machine arrives without
     * it and makes its own there, and a trajectory cache shared among the checks that copy runs.
     */
    static final class CheckTask implements Engine.Task<CheckInput, Outcome> {
        private static final long serialVersionUID = 2L;

        private final Registry registry;
        private final boolean full;
        private transient Quantities quantities;
        private transient RunCache cache;

        CheckTask(Registry registry, boolean full) {
            this.registry = registry;
            this.full = full;
        }

        @Override
        public Outcome apply(CheckInput in) {
            RunCache shared;
            Quantities q;
            synchronized (this) {
                if (quantities == null) {
                    quantities = registry.get();
                }
                if (cache == null) {
                    cache = new RunCache();
                }
                shared = cache;
                q = quantities;
            }
            return measure(q, full, in.check(), in.experiment(), shared);
        }
    }
}
