package org.theorycheck.theories.scansnap.model;

import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;

/**
 * The T → ∞ quantities of Lemma 2 (Eqn. 5, 6): with m = ψ(n),
 * c̃_{l|n} = P(l|n) e^{z_ml}, c_{l|n} = c̃_{l|n}/Σ_l' c̃_{l'|n}, f_n = c_n/‖c_n‖₂, and the
 * distinct-token entropy that the paper plots in Fig. 6.
 */
public final class LongSequenceLimit {

    private LongSequenceLimit() {}

    /**
     * c_n (Eqn. 5): the attention of query row {@code zRow} on P(·|n), over the whole vocabulary (zero
     * outside the support). Returns a new array.
     */
    public static double[] attention(SequenceClasses classes, int n, double[] zRow) {
        double[] c = new double[classes.vocabulary()];
        attention(classes, n, zRow, 0, c);
        return c;
    }

    /** f_n = c_n/‖c_n‖₂ (Eqn. 6), the decoder input of class n. Returns a new array. */
    public static double[] decoderInput(SequenceClasses classes, int n, double[] zRow) {
        double[] f = new double[classes.vocabulary()];
        decoderInput(classes, n, zRow, 0, f);
        return f;
    }

    /**
     * f_n = c_n/‖c_n‖₂ (Eqn. 6) with z_{ψ(n),l} read from {@code z[offset + l]}: writes f_{nl} into
     * {@code f[l]} for the tokens l of the support of class n and leaves the other entries of {@code f}
     * as they are (zero in a fresh array). Costs O(|support|), not O(M).
     */
    public static void decoderInput(SequenceClasses classes, int n, double[] z, int offset, double[] f) {
        int[] support = attention(classes, n, z, offset, f);
        double norm = 0;
        for (int l : support) {
            norm += f[l] * f[l];
        }
        norm = Math.sqrt(norm);
        for (int l : support) {
            f[l] /= norm;
        }
    }

    /** c_n into {@code c} at the support (ascending, returned), reading z_{ψ(n),l} from {@code z[offset + l]}. */
    private static int[] attention(SequenceClasses classes, int n, double[] z, int offset, double[] c) {
        int[] support = classes.support(n);
        double zMax = Double.NEGATIVE_INFINITY;
        for (int l : support) {
            zMax = Math.max(zMax, z[offset + l]);
        }
        double total = 0;
        for (int l : support) {
            c[l] = classes.probability(n, l) * Math.exp(z[offset + l] - zMax);
            total += c[l];
        }
        for (int l : support) {
            c[l] /= total;
        }
        return support;
    }

    /**
     * Entropy in nats of c_{·|n} restricted to G_DT(n) and renormalised (the y-axis of Fig. 6).
     * Returns 0 for a class with fewer than two distinct tokens, NaN where a logit is undetermined (NaN).
     */
    public static double distinctEntropy(SequenceClasses classes, int n, double[] zRow) {
        int[] distinct = classes.distinctTokens(n);
        if (distinct.length < 2) {
            return 0;
        }
        double zMax = Double.NEGATIVE_INFINITY;
        for (int l : distinct) {
            zMax = Math.max(zMax, zRow[l]);
        }
        double[] w = new double[distinct.length];
        double total = 0;
        for (int i = 0; i < distinct.length; i++) {
            w[i] = classes.probability(n, distinct[i]) * Math.exp(zRow[distinct[i]] - zMax);
            total += w[i];
        }
        if (Double.isNaN(total)) {
            return Double.NaN;
        }
        double h = 0;
        for (double v : w) {
            double p = v / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** The mean over classes of {@link #distinctEntropy}; {@code z} is Z row-major M×M. */
    public static double meanDistinctEntropy(SequenceClasses classes, double[] z) {
        int m = classes.vocabulary();
        double sum = 0;
        double[] row = new double[m];
        for (int n = 0; n < classes.classes(); n++) {
            System.arraycopy(z, classes.queryToken(n) * m, row, 0, m);
            sum += distinctEntropy(classes, n, row);
        }
        return sum / classes.classes();
    }

    /**
     * ‖e_n − α_n‖₂ with α_n = softmax(Yᵀ f_n) and f_n the T → ∞ decoder input of the model's variant
     * (c_n, plus e_ψ(n) in the residual variant, l2-normalised if the model normalises): how far the
     * decoder is from predicting n (Corollary 1).
     *
     * @param y    Y as rows ({@code y[l]} is row l; only the rows of the support, and the query's with the
     *             residual, are read)
     * @param zRow the row of Z of the class's query
     */
    public static double decoderResidual(SequenceClasses classes, int n, double[][] y, double[] zRow, ModelSpec spec) {
        int size = zRow.length;
        int query = classes.queryToken(n);
        boolean residual = spec.residual();
        // The non-zero entries of f, ascending as the sums over l have always run.
        int[] tokens = residual
                ? java.util.stream.IntStream.concat(java.util.Arrays.stream(classes.support(n)),
                        java.util.stream.IntStream.of(query)).distinct().sorted().toArray()
                : classes.support(n);
        double[] f = new double[size];
        attention(classes, n, zRow, 0, f);
        if (residual) {
            f[query] += 1;
        }
        if (spec.normalize()) {
            double norm = 0;
            for (int l : tokens) {
                norm += f[l] * f[l];
            }
            norm = Math.sqrt(norm);
            for (int l : tokens) {
                f[l] /= norm;
            }
        }
        double[] o = new double[size];
        for (int l : tokens) {
            double fl = f[l];
            if (fl != 0) {
                double[] row = y[l];
                for (int j = 0; j < size; j++) {
                    o[j] += fl * row[j];
                }
            }
        }
        double oMax = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            oMax = Math.max(oMax, v);
        }
        double total = 0;
        for (int j = 0; j < size; j++) {
            o[j] = Math.exp(o[j] - oMax);
            total += o[j];
        }
        int next = classes.nextToken(n);
        double sq = 0;
        for (int j = 0; j < size; j++) {
            double r = (j == next ? 1 : 0) - o[j] / total;
            sq += r * r;
        }
        return Math.sqrt(sq);
    }
}
