package org.theorycheck.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the checks of a set of claims in parallel and returns their results in file order. A check that
 * throws gets the verdict ERROR with the exception's message; it never stops the other checks. The
 * results depend only on the claims and their seeds, never on the thread count.
 */
public final class ClaimRunner {

    private final Quantities quantities;
    private final boolean full;
    private final int threads;

    /**
     * @param full    run at paper size (ignore the checks' {@code quick} overrides)
     * @param threads worker threads (≥ 1)
     */
    public ClaimRunner(Quantities quantities, boolean full, int threads) {
        this.quantities = quantities;
        this.full = full;
        this.threads = Math.max(1, threads);
    }

    /** Runs every check; {@code onDone} is called as each finishes (from worker threads). */
    public List<CheckResult> run(List<Claim> claims, Consumer<CheckResult> onDone) throws InterruptedException {
        TrajectoryCache cache = new TrajectoryCache();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Claim claim : claims) {
                for (CheckSpec check : claim.checks()) {
                    futures.add(pool.submit(() -> {
                        CheckResult r = runOne(claim, check, cache);
                        onDone.accept(r);
                        return r;
                    }));
                }
            }
            List<CheckResult> results = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one check in the calling thread. */
    public CheckResult runOne(Claim claim, CheckSpec check, TrajectoryCache cache) {
        long start = System.nanoTime();
        try {
            Measurement m;
            if (check.rung().equals(ClaimFiles.SYMBOLIC)) {
                m = quantities.symbolic().run(check.quantity());
            } else {
                Quantity q = quantities.find(check.quantity()).orElseThrow();
                m = q.measure(new CheckContext(check, full, cache));
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
}
