package org.theorycheck.core.sweep;

import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.SweepAxis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid × seeds of a sweep, resolved and validated up front (so a bad cell is reported before any
 * run starts or any file is written). Cells are the Cartesian product of the sweep axes in file order,
 * the last axis varying fastest; runs are cells × seeds, seeds varying fastest.
 *
 * @param <E> the theory's experiment type
 */
public final class SweepPlan<E extends Experiment> {

    /** One grid cell: the raw values of the swept keys and the configuration they give. */
    public record Cell<E extends Experiment>(Map<String, String> values, E config) {
        public Cell {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** One run: a cell and a seed. */
    public record Run(int cell, long seed) {}

    private final String theory;
    private final E base;
    private final List<String> observables;
    private final List<String> keys;
    private final List<Cell<E>> cells;
    private final List<Run> runs;

    private SweepPlan(String theory, E base, List<String> observables, List<String> keys, List<Cell<E>> cells) {
        this.theory = theory;
        this.base = base;
        this.observables = List.copyOf(observables);
        this.keys = List.copyOf(keys);
        this.cells = List.copyOf(cells);
        List<Run> all = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            for (long seed : base.seeds()) {
                all.add(new Run(c, seed));
            }
        }
        this.runs = List.copyOf(all);
    }

    /** Expands and validates every cell of the file's sweep grid. */
    public static <E extends Experiment> SweepPlan<E> of(ExperimentFile<E> file) {
        return of(file, List.of());
    }

    /**
     * Expands and validates every cell of the file's sweep grid, whose runs report {@code observables}
     * (the columns of {@code runs.csv} after the seed).
     */
    public static <E extends Experiment> SweepPlan<E> of(ExperimentFile<E> file, List<String> observables) {
        E base = file.resolve();
        List<String> keys = base.sweep().stream().map(SweepAxis::key).toList();
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (SweepAxis axis : base.sweep()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combos) {
                for (String v : axis.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Cell<E>> cells = new ArrayList<>();
        for (Map<String, String> values : combos) {
            cells.add(new Cell<>(values, file.resolveCell(values)));
        }
        return new SweepPlan<>(file.schema().theory(), base, observables, keys, cells);
    }

    /** The id of the experiment's theory. */
    public String theory() {
        return theory;
    }

    public E base() {
        return base;
    }

    /** What each run reports at its last step: the columns of {@code runs.csv} after the seed. */
    public List<String> observables() {
        return observables;
    }

    /** The swept keys, in grid order. */
    public List<String> keys() {
        return keys;
    }

    public List<Cell<E>> cells() {
        return cells;
    }

    public List<Run> runs() {
        return runs;
    }

    /**
     * The runs of shard {@code index} of {@code count}: every {@code count}-th run of {@link #runs()} from
     * position {@code index}. Shards are disjoint, cover the plan, differ in size by at most one run and,
     * seeds varying fastest, mix cells of every cost; the assignment depends only on the plan.
     */
    public List<Run> shard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count);
        }
        List<Run> mine = new ArrayList<>();
        for (int i = index; i < runs.size(); i += count) {
            mine.add(runs.get(i));
        }
        return List.copyOf(mine);
    }
}
