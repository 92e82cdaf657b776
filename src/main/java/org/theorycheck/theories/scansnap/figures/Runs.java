package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.scansnap.train.SgdRun;
import org.theorycheck.core.sweep.SweepPlan;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the recipes share: reading experiment files under a budget, and running many independent
 * computations (SGD seeds, rungs) as the tasks of an {@link Engine}. Each task carries its experiment's
 * text and builds its own model and random stream, so results depend on the seeds only, never on the
 * engine or where it runs.
 */
final class Runs {

    private Runs() {}

    /** The experiment file's text with the budget's overrides, then the recipe's. */
    static ExperimentSource source(String path, Budget budget, List<String> overrides) {
        List<String> all = new ArrayList<>(budget.overrides());
        all.addAll(overrides);
        return ExperimentSource.read(Path.of(path), all);
    }

    /**
     * A real-text experiment's text under a budget: at the quick budget with {@code quick} (a smaller
     * vocabulary, fewer iterations) after the budget's own overrides, at the full budget as the file says;
     * then the recipe's {@code overrides}.
     */
    static ExperimentSource textSource(String path, Budget budget, List<String> quick, List<String> overrides) {
        List<String> all = new ArrayList<>(budget == Budget.QUICK ? quick : List.of());
        all.addAll(overrides);
        return source(path, budget, all);
    }

    /** What one task computes from its experiment. Serializable, because the task may run on another machine. */
    @FunctionalInterface
    interface Computation<T> extends Serializable {
        T apply(ExperimentConfig config);
    }

    /** What a figure keeps of one run, computed where the run ran (a whole trajectory rarely needs to travel). */
    @FunctionalInterface
    interface Keep<T> extends Serializable {
        T apply(Trajectory run);
    }

    /**
     * One task of a figure: a computation on an experiment, set up from the experiment's text wherever it runs.
     *
     * @param cell the swept values of one grid cell, or null for the experiment as resolved (axes stay axes)
     */
    record Piece<T extends Serializable>(ExperimentSource experiment, Map<String, String> cell, Computation<T> computation)
            implements Serializable {

        static <T extends Serializable> Piece<T> of(ExperimentSource experiment, Computation<T> computation) {
            return new Piece<>(experiment, null, computation);
        }

        T compute() {
            ExperimentFile<ExperimentConfig> file = experiment.file(ScanSnapExperiments.SCHEMA);
            return computation.apply(cell == null ? file.resolve() : file.resolveCell(cell));
        }
    }

    /** One SGD run per (cell, seed) of the plan, cells outer, seeds inner; each run reduced by {@code keep}. */
    static <T extends Serializable> List<List<T>> sgd(Engine engine, ExperimentSource source, SweepPlan<ExperimentConfig> plan, Keep<T> keep,
                                                      String what, Consumer<String> progress) {
        List<Piece<T>> pieces = new ArrayList<>();
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            for (long seed : plan.base().seeds()) {
                pieces.add(new Piece<>(source, cell.values(), config -> keep.apply(SgdRun.run(config, seed, step -> { }))));
            }
        }
        List<T> flat = parallel(engine, pieces, what, progress);
        int seeds = plan.base().seeds().size();
        List<List<T>> out = new ArrayList<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            out.add(flat.subList(c * seeds, (c + 1) * seeds));
        }
        return out;
    }

    /** One SGD run of the experiment (or of one cell of it) with this seed, whole. */
    static Piece<Trajectory> sgdRun(ExperimentSource source, Map<String, String> cell, long seed) {
        return new Piece<>(source, cell, config -> SgdRun.run(config, seed, step -> { }));
    }

    /** Runs the pieces on the engine and returns their results in piece order; reports progress every tenth. */
    static <T extends Serializable> List<T> parallel(Engine engine, List<Piece<T>> pieces, String what, Consumer<String> progress) {
        List<T> out = new ArrayList<>(Collections.nCopies(pieces.size(), null));
        int[] done = {0};
        int step = Math.max(1, pieces.size() / 10);
        Engine.Task<Piece<T>, T> task = Piece::compute;
        try {
            engine.run(pieces, task, (index, result) -> {
                out.set(index, result);
                int d = ++done[0];
                if (pieces.size() > 1 && (d % step == 0 || d == pieces.size())) {
                    progress.accept(what + ": " + d + "/" + pieces.size());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing " + what, e);
        }
        return out;
    }

    /** Only the last snapshot: enough for end-of-training figures, and light enough to keep hundreds. */
    static Trajectory last(Trajectory t) {
        return new Trajectory(t.rung(), t.classes(), List.of(t.last()), t.undetermined());
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
