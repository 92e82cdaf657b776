package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paper Fig. 11/12: how sparse the final attention is, as the recall of distinct tokens against a
 * binarisation threshold near 1/M.
 *
 * <p>Definition used here. At the final recorded step of a run, for each class n with distinct tokens
 * G_DT(n) and a threshold τ,
 * <pre>
 *   recall_n(τ) = |{ l ∈ G_DT(n) : c_{l|n} &gt; τ }| / |G_DT(n)|,      recall(τ) = mean over n of recall_n(τ)
 * </pre>
 * with c_{l|n} the T → ∞ attention of Eqn. 5 (the {@code c} column of attention.csv), i.e. the fraction
 * of a class's distinct tokens still "on" after binarising its attention at τ (strictly greater).
 * Thresholds are given as multiples k of 1/M, τ = k/M, M the vocabulary size. Recall is 1 at τ = 0 and
 * falls as τ grows; a sparser attention (a few distinct tokens carry the mass) falls earlier. Classes
 * without distinct tokens are skipped.
 */
public final class RecallCurves {

    private RecallCurves() {}

    /** 41 multiples of 1/M, evenly spaced in log from 0.1 to 10. */
    public static double[] defaultMultiples() {
        double[] k = new double[41];
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.pow(10, -1 + 2.0 * i / (k.length - 1));
        }
        return k;
    }

    /** recall(τ) at each threshold τ, at the table's final step (see the class comment). */
    public static double[] recall(AttentionTable table, double[] thresholds) {
        double last = table.finalStep();
        double[] out = new double[thresholds.length];
        int classes = 0;
        for (int n : table.classes()) {
            List<AttentionTable.Entry> distinct = table.at(last, n).stream().filter(AttentionTable.Entry::distinct).toList();
            if (distinct.isEmpty()) {
                continue;
            }
            classes++;
            for (int i = 0; i < thresholds.length; i++) {
                double tau = thresholds[i];
                out[i] += (double) distinct.stream().filter(e -> e.c() > tau).count() / distinct.size();
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = classes == 0 ? Double.NaN : out[i] / classes;
        }
        return out;
    }

    /**
     * One curve per label (mean ± std over the runs under it) of recall against τ·M, log x.
     *
     * @param runs      final attention of each run, grouped by setting, in legend order
     * @param vocabulary M
     * @param multiples the thresholds as multiples of 1/M
     */
    public static Figure figure(String title, Map<String, List<AttentionTable>> runs, int vocabulary, double[] multiples) {
        double[] thresholds = new double[multiples.length];
        for (int i = 0; i < multiples.length; i++) {
            thresholds[i] = multiples[i] / vocabulary;
        }
        LineFigure f = LineFigure.titled(title)
                .axes("threshold τ × M  (M = " + vocabulary + ", log scale)", "recall of distinct tokens (c(l|n) > τ)")
                .logX().yRange(-0.03, 1.08).marker(1, "τ = 1/M");
        for (Map.Entry<String, List<AttentionTable>> e : runs.entrySet()) {
            List<double[]> curves = new ArrayList<>();
            for (AttentionTable t : e.getValue()) {
                curves.add(recall(t, thresholds));
            }
            f.runs(e.getKey(), multiples, curves, LineFigure.Style.STEP);
        }
        return f.figure();
    }
}
