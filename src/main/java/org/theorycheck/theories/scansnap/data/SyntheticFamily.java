package org.theorycheck.theories.scansnap.data;

import org.theorycheck.theories.scansnap.experiment.DataSpec;

/**
 * The synthetic family of paper §1.3 with the [ref] vocabulary layout
 * {@code [C global common][Q blocks of C_q per-query common][K blocks of D distinct][Q query][K next]}.
 * Class {@code n = q·R + j} uses query q and distinct block n; P(·|n) is its normalised weight vector.
 */
public final class SyntheticFamily {

    private SyntheticFamily() {}

    /** Builds the classes described by {@code spec}. */
    public static SequenceClasses build(DataSpec spec) {
        int q = spec.queries();
        int r = spec.nextPerQuery();
        int c = spec.common();
        int cq = spec.commonPerQuery();
        int d = spec.distinctPerNext();
        int k = spec.classes();
        int m = spec.vocabulary();
        int perQueryStart = c;
        int distinctStart = perQueryStart + q * cq;
        int queryStart = distinctStart + k * d;
        int nextStart = queryStart + q;

        double[] distinctWeights = spec.distinctWeights();
        String[] labels = new String[m];
        for (int l = 0; l < c; l++) {
            labels[l] = "c" + l;
        }
        for (int qi = 0; qi < q; qi++) {
            for (int i = 0; i < cq; i++) {
                labels[perQueryStart + qi * cq + i] = "c" + qi + "." + i;
            }
            labels[queryStart + qi] = "q" + qi;
        }
        int[] queryToken = new int[k];
        int[] nextToken = new int[k];
        double[][] p = new double[k][m];
        for (int n = 0; n < k; n++) {
            int qi = n / r;
            queryToken[n] = queryStart + qi;
            nextToken[n] = nextStart + n;
            labels[nextStart + n] = "n" + n;
            double[] w = p[n];
            for (int l = 0; l < c; l++) {
                w[l] = spec.commonWeight();
            }
            for (int i = 0; i < cq; i++) {
                w[perQueryStart + qi * cq + i] = spec.commonWeight();
            }
            for (int i = 0; i < d; i++) {
                w[distinctStart + n * d + i] = distinctWeights[i];
                labels[distinctStart + n * d + i] = "d" + n + "." + i;
            }
            double sum = 0;
            for (double v : w) {
                sum += v;
            }
            for (int l = 0; l < m; l++) {
                w[l] /= sum;
            }
        }
        return new SequenceClasses(m, queryToken, nextToken, p, labels);
    }
}
