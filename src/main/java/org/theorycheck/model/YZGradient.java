package org.theorycheck.model;

/**
 * Loss and exact gradient of one sample of the YZ model (paper Eqn. 1, 2, 15), computed on the token
 * histogram: with weights w_l (token counts, or P(l|n) in the T→∞ limit of Lemma 2)
 *
 * <pre>
 *   a_l = w_l e^{z_ml} / Σ_l' w_l' e^{z_ml'}     (= Xᵀb)
 *   a' = a + e_m (residual variant only),  f = a'/‖a'‖₂ (normalised variant) or a',
 *   o = Yᵀ f,  α = softmax(o),  loss = −log α_n.
 * </pre>
 *
 * The gradient follows the chain rule, so it covers the residual variant where Eqn. 3 does not apply;
 * without the residual it equals Eqn. 3 (Lemma 1) with the opposite sign (this is a loss gradient).
 * A sample costs O(|support|·M). Holds scratch buffers: one instance per thread.
 */
public final class YZGradient {

    private final int size;
    private final boolean normalize;
    private final boolean residual;
    private final int[] index;
    private final double[] a;
    private final double[] f;
    private final double[] dLda;
    private final double[] o;
    private final double[][] picked;
    private final double[] zeros;
    private final double[][] yRows;
    private final double[][] gradYRows;

    /**
     * @param size       M
     * @param normalize  l2-normalise the attention output
     * @param residual   add e_m before normalising
     * @param maxSupport the largest number of distinct contextual tokens a sample can have
     */
    public YZGradient(int size, boolean normalize, boolean residual, int maxSupport) {
        this.size = size;
        this.normalize = normalize;
        this.residual = residual;
        index = new int[maxSupport + 1];
        a = new double[maxSupport + 1];
        f = new double[maxSupport + 1];
        // the row sums work in blocks of eight, past the last entry
        int blocks = (maxSupport + 1 + 7) / 8 * 8;
        dLda = new double[blocks];
        picked = new double[blocks][];
        zeros = new double[size];
        o = new double[size];
        yRows = new double[size][];
        gradYRows = new double[size][];
    }

    /**
     * Adds {@code scale · ∂loss/∂Y} to {@code gradY} and {@code scale · ∂loss/∂z_m} to row m of
     * {@code gradZ} (both row-major M×M, modified in place) and returns the loss (nats). Costs two extra
     * row copies per token over {@link #accumulate(double[][], double[], int, int, int[], double[], int,
     * double, double[][], double[])}, which callers with many samples at the same Y should use.
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
        for (int i = 0; i < count; i++) {
            borrowRow(tokens[i], y, gradY);
        }
        if (residual) {
            borrowRow(query, y, gradY);
        }
        double loss = accumulate(yRows, z, query, next, tokens, weights, count, scale, gradYRows, gradZ);
        for (int i = 0; i < count; i++) {
            System.arraycopy(gradYRows[tokens[i]], 0, gradY, tokens[i] * size, size);
        }
        if (residual) {
            System.arraycopy(gradYRows[query], 0, gradY, query * size, size);
        }
        return loss;
    }

    private void borrowRow(int row, double[] y, double[] gradY) {
        if (yRows[row] == null) {
            yRows[row] = new double[size];
            gradYRows[row] = new double[size];
        }
        System.arraycopy(y, row * size, yRows[row], 0, size);
        System.arraycopy(gradY, row * size, gradYRows[row], 0, size);
    }

    /**
     * As {@link #accumulate(double[], double[], int, int, int[], double[], int, double, double[], double[])},
     * with Y and its gradient as arrays of rows ({@code y[l]} is row l; only the rows of the contextual
     * tokens, and of the query in the residual variant, are used). Every loop over a row then indexes all
     * its arrays alike, the form the JIT compiles to vector instructions.
     */
    public double accumulate(double[][] y, double[] z, int query, int next, int[] tokens, double[] weights,
                             int count, double scale, double[][] gradY, double[] gradZ) {
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
        // Four rows per pass over o: each o[c] still adds the rows in order j = 0, 1, …, but o is loaded
        // and stored a quarter as often.
        int j4 = 0;
        for (; j4 + 3 < entries; j4 += 4) {
            double f0 = f[j4];
            double f1 = f[j4 + 1];
            double f2 = f[j4 + 2];
            double f3 = f[j4 + 3];
            double[] y0 = y[index[j4]];
            double[] y1 = y[index[j4 + 1]];
            double[] y2 = y[index[j4 + 2]];
            double[] y3 = y[index[j4 + 3]];
            for (int c = 0; c < size; c++) {
                o[c] = o[c] + f0 * y0[c] + f1 * y1[c] + f2 * y2[c] + f3 * y3[c];
            }
        }
        for (; j4 < entries; j4++) {
            double fj = f[j4];
            double[] row = y[index[j4]];
            for (int c = 0; c < size; c++) {
                o[c] += fj * row[c];
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

        rowDots(y, entries);
        double fDotQ = 0;
        for (int j = 0; j < entries; j++) {
            double fj = f[j] * scale;
            double[] row = gradY[index[j]];
            for (int c = 0; c < size; c++) {
                row[c] += fj * o[c];
            }
            fDotQ += f[j] * dLda[j];
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

    /**
     * dL/df_j = (Y(α − e_n))_j into {@code dLda}, with o = α − e_n. Each sum runs over c in order, so the
     * JIT cannot vectorise it; eight rows at a time keep eight independent additions in flight instead
     * (one sum alone is bound by the latency of an add). A last partial block is padded with rows of
     * zeros, whose sums are computed and ignored: cheaper than summing the leftover rows one by one.
     */
    private void rowDots(double[][] y, int entries) {
        for (int j = 0; j < entries; j++) {
            picked[j] = y[index[j]];
        }
        int j = 0;
        for (; j + 7 < entries; j += 8) {
            dots8(j);
        }
        int left = entries - j;
        if (left > 0) {
            java.util.Arrays.fill(picked, entries, j + 8, zeros);
            if (left > 4) {
                dots8(j);
            } else {
                dots4(j);
            }
        }
    }

    private void dots8(int j) {
        double[] y0 = picked[j];
        double[] y1 = picked[j + 1];
        double[] y2 = picked[j + 2];
        double[] y3 = picked[j + 3];
        double[] y4 = picked[j + 4];
        double[] y5 = picked[j + 5];
        double[] y6 = picked[j + 6];
        double[] y7 = picked[j + 7];
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        double q4 = 0;
        double q5 = 0;
        double q6 = 0;
        double q7 = 0;
        for (int c = 0; c < size; c++) {
            double oc = o[c];
            q0 += y0[c] * oc;
            q1 += y1[c] * oc;
            q2 += y2[c] * oc;
            q3 += y3[c] * oc;
            q4 += y4[c] * oc;
            q5 += y5[c] * oc;
            q6 += y6[c] * oc;
            q7 += y7[c] * oc;
        }
        dLda[j] = q0;
        dLda[j + 1] = q1;
        dLda[j + 2] = q2;
        dLda[j + 3] = q3;
        dLda[j + 4] = q4;
        dLda[j + 5] = q5;
        dLda[j + 6] = q6;
        dLda[j + 7] = q7;
    }

    private void dots4(int j) {
        double[] y0 = picked[j];
        double[] y1 = picked[j + 1];
        double[] y2 = picked[j + 2];
        double[] y3 = picked[j + 3];
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int c = 0; c < size; c++) {
            double oc = o[c];
            q0 += y0[c] * oc;
            q1 += y1[c] * oc;
            q2 += y2[c] * oc;
            q3 += y3[c] * oc;
        }
        dLda[j] = q0;
        dLda[j + 1] = q1;
        dLda[j + 2] = q2;
        dLda[j + 3] = q3;
    }

    /** Copies row-major M×M {@code flat} into the rows {@code rows[l]} (each of length M, overwritten). */
    public static void copyToRows(double[] flat, double[][] rows) {
        for (int l = 0; l < rows.length; l++) {
            System.arraycopy(flat, l * rows[l].length, rows[l], 0, rows[l].length);
        }
    }

    /** Copies the rows {@code rows[l]} into row-major {@code flat} (overwritten). */
    public static void copyFromRows(double[][] rows, double[] flat) {
        for (int l = 0; l < rows.length; l++) {
            System.arraycopy(rows[l], 0, flat, l * rows[l].length, rows[l].length);
        }
    }
}
