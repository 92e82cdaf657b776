package org.theorycheck.core.sweep;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid × seeds of a sweep, resolved and validated up front (so a bad cell is reported before any
 * run starts or any file is written). Cells are the Cartesian product of the sweep axes in file order,
 * the last axis varying fastest; runs are cells × seeds, seeds varying fastest.
 */
public final class SweepPlan {

    /** One grid cell: the raw values of the swept keys and the configuration they give. */
    public record Cell(Map<String, String> values, ExperimentConfig config) {
        public Cell {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** One run: a cell and a seed. */
    public record Run(int cell, long seed) {}

    private final ExperimentConfig base;
    private final List<String> keys;
    private final List<Cell> cells;
    private final List<Run> runs;

    private SweepPlan(ExperimentConfig base, List<String> keys, List<Cell> cells) {
        this.base = base;
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
    public static SweepPlan of(ExperimentFile file) {
        ExperimentConfig base = file.resolve();
        List<String> keys = base.sweep().stream().map(ExperimentConfig.SweepAxis::key).toList();
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (ExperimentConfig.SweepAxis axis : base.sweep()) {
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
        List<Cell> cells = new ArrayList<>();
        for (Map<String, String> values : combos) {
            cells.add(new Cell(values, file.resolveCell(values)));
        }
        return new SweepPlan(base, keys, cells);
    }

    public ExperimentConfig base() {
        return base;
    }

    /** The swept keys, in grid order. */
    /**
     * What a run of this grid reports at its last step, the columns of {@code runs.csv} after the seed:
     * on the synthetic classes the distinct-token entropy and the last minibatch's loss; on a corpus,
     * each layer's mean attention entropy on the validation windows ({@code entropy_0}, …), the
     * validation perplexity and the last window's loss. The loss comes last in both.
     */
    public List<String> observables() {
        if (base.corpus() == null) {
            return List.of("distinct_entropy", "loss");
        }
        List<String> names = new java.util.ArrayList<>();
        for (int l = 0; l < base.transformer().layers(); l++) {
            names.add("entropy_" + l);
        }
        names.add("val_perplexity");
        names.add("loss");
        return List.copyOf(names);
    }

    public List<String> keys() {
        return keys;
    }

    public List<Cell> cells() {
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
