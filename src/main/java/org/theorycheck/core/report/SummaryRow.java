package org.theorycheck.core.report;

import org.theorycheck.core.experiment.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One number a figure shows, as stored in {@code experiments/<theory>/expected/<figure>.csv} and recomputed by
 * the figure tests. Deterministic numbers (closed forms, ODE rungs) are compared to a tight relative
 * tolerance; random ones (means over SGD seeds) statistically, by the standard error of the difference
 * of two means, so that a change of random streams or of summation order in the hot loops — which
 * changes every seed's numbers but not their law — does not fail the comparison, while a change of
 * behaviour does.
 *
 * @param key  what it is, e.g. {@code t0/rate=0.5} or {@code entropy/depth=3/seed=2}
 * @param kind EXACT or SEEDS
 * @param mean the value (for SEEDS, the mean over seeds)
 * @param std  the sample standard deviation over seeds (NaN for EXACT, or for a single seed)
 * @param n    the number of seeds (1 for EXACT)
 */
public record SummaryRow(String key, Kind kind, double mean, double std, int n) {

    /** How a number comes about, which decides how it is compared. */
    public enum Kind { EXACT, SEEDS }

    /**
     * Relative tolerance of deterministic numbers. They are computed by closed forms or by an adaptive
     * integrator run to a local tolerance of 1e-10 and stored with 10 significant digits; 1e-6 leaves room
     * for a different step sequence or platform libm, and is still far below any visible change.
     */
    public static final double EXACT_RELATIVE = 1e-6;

    /**
     * Standard errors of the difference of two seed means allowed before a random number counts as
     * changed. With a few dozen such numbers per figure, 4 standard errors (two-sided p ≈ 6e-5 each under
     * a normal law) keep false alarms rare while a real shift of the mean by a spread still shows.
     */
    public static final double SEEDS_STANDARD_ERRORS = 4.0;

    /** Absolute floor for random numbers whose seeds all agree (std 0), e.g. a saturated quantity. */
    public static final double SEEDS_FLOOR = 1e-9;

    public static SummaryRow exact(String key, double value) {
        return new SummaryRow(key, Kind.EXACT, value, Double.NaN, 1);
    }

    /** Mean and sample std of {@code values} (one per seed). */
    public static SummaryRow seeds(String key, double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = values.length < 2 ? Double.NaN : Math.sqrt(ss / (values.length - 1));
        return new SummaryRow(key, Kind.SEEDS, mean, std, values.length);
    }

    /** Why {@code fresh} disagrees with this stored row, or empty when they agree. */
    public Optional<String> disagreement(SummaryRow fresh) {
        if (fresh.kind != kind) {
            return Optional.of(key + ": stored as " + kind + ", recomputed as " + fresh.kind);
        }
        double diff = Math.abs(fresh.mean - mean);
        if (kind == Kind.EXACT) {
            double allowed = EXACT_RELATIVE * Math.max(1, Math.abs(mean));
            return diff <= allowed || Double.isNaN(mean) && Double.isNaN(fresh.mean) ? Optional.empty()
                    : Optional.of(String.format("%s: recomputed %.10g, stored %.10g (|diff| %.3g > %.3g)",
                    key, fresh.mean, mean, diff, allowed));
        }
        double se = Math.sqrt(variance(this) / n + variance(fresh) / fresh.n);
        double allowed = SEEDS_STANDARD_ERRORS * se + SEEDS_FLOOR * Math.max(1, Math.abs(mean));
        return diff <= allowed ? Optional.empty()
                : Optional.of(String.format("%s: recomputed mean %.6g ± %.3g (%d seeds), stored %.6g ± %.3g (%d seeds); "
                        + "|diff| %.3g > %.1f standard errors (%.3g)", key, fresh.mean, fresh.std, fresh.n, mean, std, n,
                diff, SEEDS_STANDARD_ERRORS, allowed));
    }

    private static double variance(SummaryRow r) {
        return Double.isNaN(r.std) ? 0 : r.std * r.std;
    }

    static final String HEADER = "key,kind,mean,std,n";

    public static String csv(List<SummaryRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SummaryRow r : rows) {
            sb.append(r.key).append(',').append(r.kind).append(',').append(DataTable.number(r.mean)).append(',')
                    .append(DataTable.number(r.std)).append(',').append(r.n).append('\n');
        }
        return sb.toString();
    }

    /** Reads an expected file, keyed by row key in file order. */
    public static Map<String, SummaryRow> read(CsvTable table) {
        Map<String, SummaryRow> out = new LinkedHashMap<>();
        int key = table.column("key");
        int kind = table.column("kind");
        int mean = table.column("mean");
        int std = table.column("std");
        int n = table.column("n");
        for (int r = 0; r < table.rows(); r++) {
            Kind k;
            try {
                k = Kind.valueOf(table.text(r, kind).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(table.source(), table.line(r), "kind", "must be EXACT or SEEDS");
            }
            out.put(table.text(r, key), new SummaryRow(table.text(r, key), k, table.number(r, mean),
                    table.number(r, std), (int) table.number(r, n)));
        }
        return out;
    }

    /** Every disagreement between stored rows and fresh ones (a fresh key missing from the store counts). */
    public static List<String> compare(Map<String, SummaryRow> stored, List<SummaryRow> fresh) {
        List<String> problems = new ArrayList<>();
        for (SummaryRow f : fresh) {
            SummaryRow s = stored.get(f.key());
            if (s == null) {
                problems.add(f.key() + ": not in the expected file");
            } else {
                s.disagreement(f).ifPresent(problems::add);
            }
        }
        return problems;
    }
}
