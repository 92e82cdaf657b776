package org.theorycheck.report;

import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.theorycheck.train.RunResult;
import org.theorycheck.train.SweepPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's {@code runs.csv} (one row per run: swept keys, seed, distinct_entropy, loss) and
 * {@code summary.csv} (one row per cell: swept keys, n, distinct_entropy_mean, distinct_entropy_std —
 * the sample standard deviation over seeds, NaN for one seed — and loss_mean). Each file is written
 * to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class SweepCsv {

    private SweepCsv() {}

    /** Per-cell statistics of a sweep, in plan order. */
    public record CellSummary(SweepPlan.Cell cell, int n, double entropyMean, double entropyStd, double lossMean) {}

    public static List<CellSummary> summarise(SweepPlan plan, List<RunResult> results) {
        List<CellSummary> out = new ArrayList<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            StreamingStatistics entropy = new StreamingStatistics();
            StreamingStatistics loss = new StreamingStatistics();
            for (RunResult r : results) {
                if (r.cell() == c) {
                    entropy.addValue(r.distinctEntropy());
                    loss.addValue(r.loss());
                }
            }
            int n = (int) entropy.getN();
            out.add(new CellSummary(plan.cells().get(c), n, entropy.getMean(),
                    n < 2 ? Double.NaN : entropy.getStandardDeviation(), loss.getMean()));
        }
        return out;
    }

    public static void write(SweepPlan plan, List<RunResult> results, Path dir) {
        String keys = plan.keys().isEmpty() ? "" : String.join(",", plan.keys()) + ",";
        StringBuilder runs = new StringBuilder(keys + "seed,distinct_entropy,loss\n");
        for (RunResult r : results) {
            runs.append(values(plan.cells().get(r.cell()))).append(r.seed()).append(',')
                    .append(r.distinctEntropy()).append(',').append(r.loss()).append('\n');
        }
        StringBuilder summary = new StringBuilder(keys + "n,distinct_entropy_mean,distinct_entropy_std,loss_mean\n");
        for (CellSummary s : summarise(plan, results)) {
            summary.append(values(s.cell())).append(s.n()).append(',').append(s.entropyMean()).append(',')
                    .append(s.entropyStd()).append(',').append(s.lossMean()).append('\n');
        }
        writeAtomically(dir.resolve("runs.csv"), runs.toString());
        writeAtomically(dir.resolve("summary.csv"), summary.toString());
    }

    private static String values(SweepPlan.Cell cell) {
        StringBuilder sb = new StringBuilder();
        for (String v : cell.values().values()) {
            sb.append(Csv.field(v)).append(',');
        }
        return sb.toString();
    }

    static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                w.write(content);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
