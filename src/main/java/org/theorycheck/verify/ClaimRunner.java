package org.theorycheck.verify;

import org.theorycheck.train.Engine;
import org.theorycheck.train.LocalEngine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Checks on an engine; a machine that runs them reads the claim files itself and makes its own registry. */
    public ClaimRunner(Registry registry, boolean full, Engine engine) {
        this.registry = registry;
        this.quantities = registry.get();
        this.full = full;
        this.engine = engine;
        this.threads = 0;
    }

    /** Runs every check; {@code onDone} is called as each finishes, one call at a time. */
    public List<CheckResult> run(List<Claim> claims, Consumer<CheckResult> onDone) throws InterruptedException {
        List<CheckRef> refs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int c = 0; c < claims.size(); c++) {
            files.add(claims.get(c).file().toAbsolutePath().toString());
            for (int k = 0; k < claims.get(c).checks().size(); k++) {
                refs.add(new CheckRef(c, k));
            }
        }
        CheckTask task = new CheckTask(registry, full, files);
        task.claims = claims;
        task.quantities = quantities;
        CheckResult[] results = new CheckResult[refs.size()];
        Engine on = engine != null ? engine : new LocalEngine(threads);
        try {
            on.run(refs, task, (index, outcome) -> {
                CheckRef ref = refs.get(index);
                Claim claim = claims.get(ref.claim());
                CheckResult r = outcome.result(claim, claim.checks().get(ref.check()));
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
    public CheckResult runOne(Claim claim, CheckSpec check, TrajectoryCache cache) {
        return runOne(quantities, full, claim, check, cache);
    }

    private static CheckResult runOne(Quantities quantities, boolean full, Claim claim, CheckSpec check, TrajectoryCache cache) {
        long start = System.nanoTime();
        try {
            Measurement m;
            if (check.rung().equals(ClaimFiles.SYMBOLIC)) {
                m = quantities.symbolic().run(check.quantity());
            } else {
                Quantity q = quantities.find(check.quantity()).orElseThrow();
                m = q.measure(new CheckContext(check, full, cache, q.readsText()));
            }
            return new CheckResult(claim, check, Verdicts.decide(m, check.tolerance()), m, "", seconds(start));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CheckResult(claim, check, Verdict.ERROR, null, message, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A check by position: the claim's index in the run's list and the check's in its claim. */
    record CheckRef(int claim, int check) implements Serializable {}

    /** What a check gave, in a form that travels back from another machine (the measurement, if any, by its parts). */
    record Outcome(Verdict verdict, String text, double value, double[] deviations, String counterexample,
                   Measurement.Replicates replicates, String error, double seconds) implements Serializable {

        Outcome(CheckResult r) {
            this(r.verdict(), r.measurement() == null ? null : r.measurement().text(),
                    r.measurement() == null ? Double.NaN : r.measurement().value(),
                    r.measurement() == null ? null : r.measurement().deviations(),
                    r.measurement() == null ? null : r.measurement().counterexample(),
                    r.measurement() == null ? null : r.measurement().replicates(), r.error(), r.seconds());
        }

        CheckResult result(Claim claim, CheckSpec check) {
            Measurement m = text == null ? null : new Measurement(value, text, deviations, counterexample, replicates);
            return new CheckResult(claim, check, verdict, m, error, seconds);
        }
    }

    /**
     * Runs one check. Here the claims, registry and trajectory cache are handed over; a copy shipped to
     * another machine arrives without them and rebuilds them there, sharing its cache among the checks it runs.
     */
    static final class CheckTask implements Engine.Task<CheckRef, Outcome> {
        private static final long serialVersionUID = 1L;

        private final Registry registry;
        private final boolean full;
        private final List<String> files;
        private transient List<Claim> claims;
        private transient Map<Integer, Claim> read;
        private transient Quantities quantities;
        private transient TrajectoryCache cache;

        CheckTask(Registry registry, boolean full, List<String> files) {
            this.registry = registry;
            this.full = full;
            this.files = List.copyOf(files);
        }

        @Override
        public Outcome apply(CheckRef ref) {
            Claim claim;
            TrajectoryCache shared;
            Quantities q;
            synchronized (this) {
                if (quantities == null) {
                    quantities = registry.get();
                }
                if (cache == null) {
                    cache = new TrajectoryCache();
                }
                if (claims != null) {
                    claim = claims.get(ref.claim());
                } else {
                    if (read == null) {
                        read = new HashMap<>();
                    }
                    claim = read.computeIfAbsent(ref.claim(), c -> ClaimFiles.read(Path.of(files.get(c)), quantities));
                }
                shared = cache;
                q = quantities;
            }
            return new Outcome(runOne(q, full, claim, claim.checks().get(ref.check()), shared));
        }
    }
}
