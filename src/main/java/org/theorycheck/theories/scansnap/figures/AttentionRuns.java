package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.report.AttentionHeatmap;
import org.theorycheck.theories.scansnap.report.AttentionTable;
import org.theorycheck.core.report.Figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The SGD runs of one setting of an attention figure (Fig. 4, Fig. 5): the heat map shows the first
 * seed, as the paper shows one run; the summary numbers average every seed, so that they can be
 * compared statistically.
 *
 * @param key  the setting in summary keys, e.g. {@code eta_y=10}
 * @param title the setting in panel titles, e.g. {@code η_Y = 10, η_Z = 1}
 * @param runs one full trajectory per seed, in seed order
 */
record AttentionRuns(String key, String title, List<Trajectory> runs) {

    /** Steps at which the summary reports the dominant token's attention: early (step 10) and final. */
    static final double EARLY_STEP = 10;

    /** The heat-map panels of the first seed (one per class). */
    Figure heatmap() {
        return AttentionHeatmap.figure(AttentionTable.of(runs.get(0)), AttentionHeatmap.PAPER_STEPS, title);
    }

    /** The first seed's attention at the heat map's rows, as data rows. */
    void data(DataTable data) {
        Trajectory t = runs.get(0);
        SequenceClasses classes = t.classes();
        for (int i = 0; i < t.size(); i++) {
            double step = t.at(i).step();
            if (!AttentionHeatmap.PAPER_STEPS.contains(step) && i != t.size() - 1) {
                continue;
            }
            for (int n = 0; n < classes.classes(); n++) {
                double[] c = t.attention(i, n);
                for (int l : classes.support(n)) {
                    data.row(key, step, n, l, classes.role(l).name().toLowerCase(Locale.ROOT), classes.probability(n, l),
                            t.z(i, n, l), c[l]);
                }
            }
        }
    }

    static DataTable dataTable() {
        return new DataTable("setting", "step", "next_token", "token", "role", "p", "z", "c");
    }

    /** Per seed, the class average of: final distinct entropy, c of l0 early and final, common mass, l0's share. */
    List<SummaryRow> summary() {
        List<double[]> perSeed = runs.stream().map(AttentionRuns::measures).toList();
        String[] names = {"distinct_entropy_final", "c_l0_step10", "c_l0_final", "common_mass_final", "l0_share_final"};
        List<SummaryRow> out = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            out.add(SummaryRow.seeds(names[j] + "/" + key, Runs.column(perSeed, j)));
        }
        return out;
    }

    /** The mean over seeds of measure j (see {@link #summary()}). */
    double mean(int j) {
        return runs.stream().map(AttentionRuns::measures).mapToDouble(m -> m[j]).average().orElse(Double.NaN);
    }

    /**
     * l0's share is c(l0|n) divided by the largest distinct-token attention of class n: 1 when the most
     * frequent distinct token gets the most attention, as the frequency bias of Theorem 3 predicts.
     */
    private static double[] measures(Trajectory t) {
        SequenceClasses classes = t.classes();
        int early = nearest(t, EARLY_STEP);
        int last = t.size() - 1;
        double[] m = new double[5];
        for (int n = 0; n < classes.classes(); n++) {
            int l0 = Runs.distinctByFrequency(classes, n)[0];
            double[] cEarly = t.attention(early, n);
            double[] cLast = t.attention(last, n);
            double common = 0;
            double top = 0;
            for (int l : classes.support(n)) {
                if (Arrays.stream(classes.distinctTokens(n)).anyMatch(d -> d == l)) {
                    top = Math.max(top, cLast[l]);
                } else {
                    common += cLast[l];
                }
            }
            m[1] += cEarly[l0];
            m[2] += cLast[l0];
            m[3] += common;
            m[4] += cLast[l0] / top;
        }
        for (int j = 1; j < m.length; j++) {
            m[j] /= classes.classes();
        }
        m[0] = t.distinctEntropy(last);
        return m;
    }

    private static int nearest(Trajectory t, double step) {
        int best = 0;
        for (int i = 0; i < t.size(); i++) {
            if (Math.abs(t.at(i).step() - step) < Math.abs(t.at(best).step() - step)) {
                best = i;
            }
        }
        return best;
    }
}
