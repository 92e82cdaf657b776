package org.theorycheck.core.sweep;

import org.theorycheck.core.report.Csv;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.theorycheck.core.io.OutputSet;
import org.theorycheck.core.sweep.RunResult;
import org.theorycheck.core.sweep.SweepPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's {@code runs.csv} (one row per run: swept keys, seed, then the run's observables —
 * {@code distinct_entropy,loss} on the synthetic classes, {@code entropy_0,…,val_perplexity,loss} on a
 * corpus, see {@link SweepPlan#observables()}) and {@code summary.csv} (one row per cell: swept keys, n,
 * then for each observable its mean over seeds and, for all but the loss of the last minibatch, its sample
 * standard deviation, NaN for one seed: {@code distinct_entropy_mean,distinct_entropy_std,loss_mean} on the
 * synthetic classes). The two files are put in place together ({@link OutputSet}): a reader never
 * sees half a file, or the runs of one sweep beside the summary of another.
 */
public final class SweepCsv {

    private SweepCsv() {}

    /**
     * Per-cell statistics of a sweep.
     *
     * @param mean per observable, the mean over the cell's seeds
     * @param std  per observable, the sample standard deviation (NaN for fewer than two seeds)
     */
    public record CellSummary(SweepPlan.Cell<?> cell, int n, double[] mean, double[] std) {}

    public static List<CellSummary> summarise(SweepPlan<?> plan, List<RunResult> results) {
        int observed = plan.observables().size();
        List<CellSummary> out = new ArrayList<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            StreamingStatistics[] stats = new StreamingStatistics[observed];
            for (int v = 0; v < observed; v++) {
                stats[v] = new StreamingStatistics();
            }
            for (RunResult r : results) {
                if (r.cell() == c) {
                    for (int v = 0; v < observed; v++) {
                        stats[v].addValue(r.values().get(v));
                    }
                }
            }
            int n = (int) stats[0].getN();
            double[] mean = new double[observed];
            double[] std = new double[observed];
            for (int v = 0; v < observed; v++) {
                mean[v] = stats[v].getMean();
                std[v] = n < 2 ? Double.NaN : stats[v].getStandardDeviation();
            }
            out.add(new CellSummary(plan.cells().get(c), n, mean, std));
        }
        return out;
    }

    public static void write(SweepPlan<?> plan, List<RunResult> results, Path dir) {
        String keys = plan.keys().isEmpty() ? "" : String.join(",", plan.keys()) + ",";
        List<String> observables = plan.observables();
        int loss = observables.size() - 1;
        StringBuilder runs = new StringBuilder(keys + "seed," + String.join(",", observables) + "\n");
        for (RunResult r : results) {
            runs.append(values(plan.cells().get(r.cell()))).append(r.seed());
            for (double v : r.values()) {
                runs.append(',').append(v);
            }
            runs.append('\n');
        }
        StringBuilder summary = new StringBuilder(keys + "n");
        for (int v = 0; v < observables.size(); v++) {
            summary.append(',').append(observables.get(v)).append("_mean").append(v == loss ? "" : "," + observables.get(v) + "_std");
        }
        summary.append('\n');
        for (CellSummary s : summarise(plan, results)) {
            summary.append(values(s.cell())).append(s.n());
            for (int v = 0; v < observables.size(); v++) {
                summary.append(',').append(s.mean()[v]);
                if (v != loss) {
                    summary.append(',').append(s.std()[v]);
                }
            }
            summary.append('\n');
        }
        try (OutputSet files = OutputSet.in(dir)) {
            files.text("runs.csv", runs.toString());
            files.text("summary.csv", summary.toString());
            files.commit();
        }
    }

    private static String values(SweepPlan.Cell<?> cell) {
        StringBuilder sb = new StringBuilder();
        for (String v : cell.values().values()) {
            sb.append(Csv.field(v)).append(',');
        }
        return sb.toString();
    }
}
