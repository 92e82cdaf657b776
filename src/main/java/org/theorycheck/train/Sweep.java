package org.theorycheck.train;

import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.model.Trajectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a {@link SweepPlan} in parallel, one run per task (each run single-threaded with its own random
 * stream, so results do not depend on the thread count), skipping the runs its {@link SweepJournal}
 * already holds and journaling each run as it finishes, so a killed sweep resumes where it stopped.
 */
public final class Sweep {

    private Sweep() {}

    /** How one run of a cell is computed: SGD on the YZ model, or another rung the caller supplies. */
    @FunctionalInterface
    public interface Runner {
        Trajectory run(ExperimentConfig config, long seed);
    }

    /** Runs what the journal lacks with SGD on the YZ model; see {@link #run(SweepPlan, SweepJournal, int, Runner, IntConsumer)}. */
    public static List<RunResult> run(SweepPlan plan, SweepJournal journal, int threads, IntConsumer onFinish)
            throws InterruptedException {
        return run(plan, journal, threads, (config, seed) -> SgdRun.run(config, seed, step -> { }), onFinish);
    }

    /**
     * Runs what the journal lacks and returns every run's result in plan order.
     *
     * @param threads  worker threads (≥ 1)
     * @param runner   computes one run
     * @param onFinish called with the number of runs finished so far (including resumed ones)
     */
    public static List<RunResult> run(SweepPlan plan, SweepJournal journal, int threads, Runner runner, IntConsumer onFinish)
            throws InterruptedException {
        Map<SweepPlan.Run, RunResult> done = journal.completed();
        List<SweepPlan.Run> todo = new ArrayList<>();
        for (SweepPlan.Run r : plan.runs()) {
            if (!done.containsKey(r)) {
                todo.add(r);
            }
        }
        int[] finished = {plan.runs().size() - todo.size()};
        onFinish.accept(finished[0]);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (SweepPlan.Run r : todo) {
                futures.add(pool.submit(() -> {
                    Trajectory t = runner.run(plan.cells().get(r.cell()).config(), r.seed());
                    RunResult result = new RunResult(r.cell(), r.seed(), t.distinctEntropy(t.size() - 1), t.last().loss());
                    journal.record(result);
                    synchronized (finished) {
                        onFinish.accept(++finished[0]);
                    }
                    return result;
                }));
            }
            List<RunResult> results = new ArrayList<>(done.values());
            for (Future<RunResult> f : futures) {
                results.add(f.get());
            }
            results.sort(Comparator.comparingInt((RunResult r) -> r.cell()).thenComparingInt(r -> seedIndex(plan, r.seed())));
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int seedIndex(SweepPlan plan, long seed) {
        return plan.base().seeds().indexOf(seed);
    }
}
