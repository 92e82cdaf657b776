package org.theorycheck.report.figures;

import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.config.ExperimentFile;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.model.Trajectory;
import org.theorycheck.train.SgdRun;
import org.theorycheck.train.SweepPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the recipes share: reading experiment files under a budget, and running many independent
 * computations (SGD seeds, rungs) in parallel. Each task builds its own model and random stream, so
 * results depend on the seeds only, never on the thread count.
 */
final class Runs {

    private Runs() {}

    /** The experiment file with the budget's overrides, then the recipe's. */
    static ExperimentFile file(String path, Budget budget, List<String> overrides) {
        return ExperimentFile.read(Path.of(path)).withOverrides(budget.overrides()).withOverrides(overrides);
    }

    /**
     * A real-text experiment under a budget: at the quick budget with {@code quick} (a smaller vocabulary,
     * fewer iterations) after the budget's own overrides, at the full budget as the file says; then the
     * recipe's {@code overrides}.
     */
    static ExperimentFile textFile(String path, Budget budget, List<String> quick, List<String> overrides) {
        return file(path, budget, budget == Budget.QUICK ? quick : List.of()).withOverrides(overrides);
    }

    static ExperimentConfig config(String path, Budget budget, String... overrides) {
        return file(path, budget, List.of(overrides)).resolve();
    }

    /** One SGD run per (cell, seed) of the plan, cells outer, seeds inner; each run reduced by {@code keep}. */
    static <T> List<List<T>> sgd(SweepPlan plan, Function<Trajectory, T> keep, String what, Consumer<String> progress) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (SweepPlan.Cell cell : plan.cells()) {
            for (long seed : plan.base().seeds()) {
                tasks.add(() -> keep.apply(SgdRun.run(cell.config(), seed, step -> { })));
            }
        }
        List<T> flat = parallel(tasks, what, progress);
        int seeds = plan.base().seeds().size();
        List<List<T>> out = new ArrayList<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            out.add(flat.subList(c * seeds, (c + 1) * seeds));
        }
        return out;
    }

    /** Runs the tasks on all cores and returns their results in task order; reports progress every tenth. */
    static <T> List<T> parallel(List<Callable<T>> tasks, String what, Consumer<String> progress) {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "figure");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, tasks.size() / 10);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    T result = task.call();
                    int d = done.incrementAndGet();
                    if (tasks.size() > 1 && (d % step == 0 || d == tasks.size())) {
                        progress.accept(what + ": " + d + "/" + tasks.size());
                    }
                    return result;
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Only the last snapshot: enough for end-of-training figures, and light enough to keep hundreds. */
    static Trajectory last(Trajectory t) {
        return new Trajectory(t.rung(), t.classes(), List.of(t.last()));
    }

    static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    /** The distinct tokens of class n, most frequent first (ties by token index). */
    static int[] distinctByFrequency(SequenceClasses classes, int n) {
        return Arrays.stream(classes.distinctTokens(n)).boxed()
                .sorted(Comparator.comparingDouble((Integer l) -> -classes.probability(n, l)).thenComparingInt(l -> l))
                .mapToInt(Integer::intValue).toArray();
    }

    /** 0, then {@code count} times evenly spaced in log from {@code first} to {@code last}, plus {@code extra}, sorted. */
    static double[] logTimes(double first, double last, int count, double... extra) {
        TreeSet<Double> times = new TreeSet<>();
        times.add(0.0);
        for (int i = 0; i < count; i++) {
            times.add(first * Math.pow(last / first, i / (count - 1.0)));
        }
        for (double e : extra) {
            times.add(e);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Index of the entry of {@code sorted} equal to {@code value} (it must be there). */
    static int indexOf(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            throw new IllegalArgumentException(value + " is not a sampled time");
        }
        return i;
    }
}
