package org.theorycheck.theories.scansnap.model;

/**
 * The implementation of {@link YZGradient#accumulate} before its hot loops were restructured for speed,
 * kept verbatim as the oracle of {@link YZGradientOptimisationProperties}: the restructured version must
 * give the same bits.
 */
final class YZGradientBaseline {

    private final int size;
    private final boolean normalize;
    private final boolean residual;
    private final int[] index;
    private final double[] a;
    private final double[] f;
    private final double[] dLda;
    private final double[] o;

    /**
     * @param size       M
     * @param normalize  l2-normalise the attention output
     * @param residual   add e_m before normalising
     * @param maxSupport the largest number of distinct contextual tokens a sample can have
     */
    YZGradientBaseline(int size, boolean normalize, boolean residual, int maxSupport) {
        this.size = size;
        this.normalize = normalize;
        this.residual = residual;
        index = new int[maxSupport + 1];
        a = new double[maxSupport + 1];
        f = new double[maxSupport + 1];
        dLda = new double[maxSupport + 1];
        o = new double[size];
    }

    /**
     * Adds {@code scale · ∂loss/∂Y} to {@code gradY} and {@code scale · ∂loss/∂z_m} to row m of
     * {@code gradZ} (both row-major M×M, modified in place) and returns the loss (nats).
     *
     * @param y       Y, row-major (read only)
     * @param z       Z, row-major (read only)
     * @param query   m, the query token
     * @param next    n, the vocabulary index of the target token
     * @param tokens  the contextual tokens l_0..l_{k−1} (distinct)
     * @param weights their non-negative weights (counts, or probabilities), zero entries are skipped
     * @param count   k, how many entries of {@code tokens}/{@code weights} to use
     */
    public double accumulate(double[] y, double[] z, int query, int next, int[] tokens, double[] weights,
                             int count, double scale, double[] gradY, double[] gradZ) {
        int zRow = query * size;
        int k = 0;
        double zMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            if (weights[i] > 0) {
                index[k++] = tokens[i];
                zMax = Math.max(zMax, z[zRow + tokens[i]]);
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("a sample needs at least one contextual token");
        }
        double total = 0;
        for (int i = 0, j = 0; i < count; i++) {
            if (weights[i] > 0) {
                a[j] = weights[i] * Math.exp(z[zRow + tokens[i]] - zMax);
                total += a[j++];
            }
        }
        for (int j = 0; j < k; j++) {
            a[j] /= total;
            f[j] = a[j];
        }
        int entries = k;
        if (residual) {
            int at = -1;
            for (int j = 0; j < k; j++) {
                if (index[j] == query) {
                    at = j;
                }
            }
            if (at >= 0) {
                f[at] += 1;
            } else {
                index[entries] = query;
                a[entries] = 0;
                f[entries++] = 1;
            }
        }
        double norm = 1;
        if (normalize) {
            double sq = 0;
            for (int j = 0; j < entries; j++) {
                sq += f[j] * f[j];
            }
            norm = Math.sqrt(sq);
            for (int j = 0; j < entries; j++) {
                f[j] /= norm;
            }
        }

        java.util.Arrays.fill(o, 0.0);
        for (int j = 0; j < entries; j++) {
            double fj = f[j];
            int row = index[j] * size;
            for (int c = 0; c < size; c++) {
                o[c] += fj * y[row + c];
            }
        }
        double oMax = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < size; c++) {
            oMax = Math.max(oMax, o[c]);
        }
        double logitNext = o[next];
        double partition = 0;
        for (int c = 0; c < size; c++) {
            double e = Math.exp(o[c] - oMax);
            o[c] = e;
            partition += e;
        }
        double loss = Math.log(partition) + oMax - logitNext;
        // From here o holds dL/do = α − e_n.
        for (int c = 0; c < size; c++) {
            o[c] /= partition;
        }
        o[next] -= 1;

        double fDotQ = 0;
        for (int j = 0; j < entries; j++) {
            int row = index[j] * size;
            double fj = f[j] * scale;
            double q = 0;
            for (int c = 0; c < size; c++) {
                q += y[row + c] * o[c];
                gradY[row + c] += fj * o[c];
            }
            dLda[j] = q;
            fDotQ += f[j] * q;
        }
        if (normalize) {
            for (int j = 0; j < entries; j++) {
                dLda[j] = (dLda[j] - f[j] * fDotQ) / norm;
            }
        }
        double mean = 0;
        for (int j = 0; j < k; j++) {
            mean += a[j] * dLda[j];
        }
        for (int j = 0; j < k; j++) {
            gradZ[zRow + index[j]] += scale * a[j] * (dLda[j] - mean);
        }
        return loss;
    }
}
