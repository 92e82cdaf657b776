package org.theorycheck.theories.scansnap.experiment;

/**
 * The synthetic sequence-class family of paper §1.3 ([ref] semantics).
 *
 * @param queries          Q, number of query tokens
 * @param nextPerQuery     R, next tokens per query (K = Q·R)
 * @param common           C, global common tokens
 * @param commonPerQuery   C_q, common tokens shared by the classes of one query
 * @param distinctPerNext  D, distinct tokens per next token
 * @param commonWeight     w_c, unnormalised weight of every common token
 * @param distinctLow      w_lo, smallest distinct weight
 * @param distinctHigh     w_hi, largest distinct weight (weights are evenly spaced, ascending)
 * @param context          T−1, contextual tokens per sample
 */
public record DataSpec(int queries, int nextPerQuery, int common, int commonPerQuery, int distinctPerNext,
                       double commonWeight, double distinctLow, double distinctHigh, int context) {

    /** K, the number of next tokens (classes). */
    public int classes() {
        return queries * nextPerQuery;
    }

    /** M = C + Q·C_q + K·D + Q + K, the vocabulary size of the [ref] layout. */
    public int vocabulary() {
        return common + queries * commonPerQuery + classes() * distinctPerNext + queries + classes();
    }

    /** The unnormalised weights of a class's D distinct tokens: evenly spaced from w_lo to w_hi, as numpy/torch linspace. */
    public double[] distinctWeights() {
        double[] out = new double[distinctPerNext];
        if (distinctPerNext == 1) {
            out[0] = distinctLow;
            return out;
        }
        double step = (distinctHigh - distinctLow) / (distinctPerNext - 1);
        for (int i = 0; i < distinctPerNext; i++) {
            out[i] = distinctLow + i * step;
        }
        out[distinctPerNext - 1] = distinctHigh;
        return out;
    }
}
