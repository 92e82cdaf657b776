package org.theorycheck.train;

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

    /**
     * Runs what the journal lacks and returns every run's result in plan order.
     *
     * @param threads  worker threads (≥ 1)
     * @param onFinish called with the number of runs finished so far (including resumed ones)
     */
    public static List<RunResult> run(SweepPlan plan, SweepJournal journal, int threads, IntConsumer onFinish)
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
                    Trajectory t = SgdRun.run(plan.cells().get(r.cell()).config(), r.seed(), step -> { });
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
