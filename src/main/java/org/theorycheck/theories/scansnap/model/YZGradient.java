package org.theorycheck.theories.scansnap.model;

import java.util.Arrays;

/**
 * Loss and exact gradient of samples of the YZ model (paper Eqn. 1, 2, 15), computed on token
 * histograms: with weights w_l (token counts, or P(l|n) in the T→∞ limit of Lemma 2)
 *
 * <pre>
 *   a_l = w_l e^{z_ml} / Σ_l' w_l' e^{z_ml'}     (= Xᵀb)
 *   a' = a + e_m (residual variant only),  f = a'/‖a'‖₂ (normalised variant) or a',
 *   o = Yᵀ f,  α = softmax(o),  loss = −log α_n.
 * </pre>
 *
 * The gradient follows the chain rule, so it covers the residual variant where Eqn. 3 does not apply;
 * without the residual it equals Eqn. 3 (Lemma 1) with the opposite sign (this is a loss gradient).
 * A sample costs O(|support|·M).
 *
 * <p>A {@link HistogramBatch} is computed one group at a time (a group: the samples sharing a query, a
 * target and a support, i.e. a class). The products dL/df_l = Y_l·(α − e_n) that the chain rule needs
 * for ∂Z are not formed per sample: with κ_l = scale·a_l/‖a'‖ each sample's contribution to ∂z_{ml} is
 * κ_l Y_l·(α − e_n) plus terms in Y_l-free scalars (f·dL/df = o·(α − e_n), and for the residual
 * Y_m·(α − e_n)), so the group's sum is Y_l·H_l with H_l = Σ_s κ_{s,l}(α_s − e_n), which is also the
 * group's contribution to row l of ∂Y (up to the residual's e_m term). A sample then costs two vectorised
 * passes over its rows (o = Yᵀf and H), and the dot products over M are one per group and token, not
 * one per sample and token. A sample's loss has the same bits whatever batch it is in; the gradients
 * agree with a sample-by-sample computation to rounding. Holds scratch buffers: one instance per thread.
 */
public final class YZGradient {

    /** Rows of Y per block of the forward pass. */
    private static final int BLOCK = 4;
    /** Below e^{575}: neither Σ e^x nor Σ x·e^x over M ≤ 10^6 terms can then overflow. */
    private static final double SAFE_PARTITION = 1e250;

    private final int size;
    private final boolean normalize;
    private final boolean residual;
    private final double[] zeroRow;

    private HistogramBatch cachedFor;
    /** Per group: the row of Y at each position — its tokens, then (residual) the query — padded to BLOCK. */
    private int[][] rowIds;
    /** Per group: the position of the query among its tokens, or −1. */
    private int[] queryAt;
    private double[][][] rows;
    private int[][] members;
    private int[] memberCount;
    private int widest;

    /**
     * Per sample: a, f (zero where the sample lacks the token), o (then e^{o − o_n}), ‖a'‖,
     * 1/Σ_c e^{o_c − o_n}, q = o·(α − e_n), loss.
     */
    private double[][] att = new double[0][];
    private double[][] out = new double[0][];
    private double[][] prod = new double[0][];
    private double[] norm = new double[0];
    private double[] inversePartition = new double[0];
    private double[] logitGain = new double[0];
    private double[] loss = new double[0];
    /** Where the next sample's exponentials go (its logits then become the spare). */
    private double[] spare;

    /** Per sample of the group at hand: κ_l/Σ at each token position. */
    private double[][] coefficient = new double[0][];
    /** Per token position of the group at hand: H_l, Σ_s κ_{s,l}, Y_l·H_l, and the Y-free part of ∂z_{ml}. */
    private double[][] decoderSum = new double[0][];
    private double[] kappaSum = new double[0];
    private double[] pair = new double[0];
    private double[] offset = new double[0];
    /** The residual's Σ_s (scale/‖a'_s‖)(α_s − e_n), added to row m of ∂Y. */
    private final double[] querySum;

    /**
     * @param size      M
     * @param normalize l2-normalise the attention output
     * @param residual  add e_m before normalising
     */
    public YZGradient(int size, boolean normalize, boolean residual) {
        this.size = size;
        this.normalize = normalize;
        this.residual = residual;
        zeroRow = new double[size];
        querySum = new double[size];
        spare = new double[size];
    }

    /**
     * Adds {@code scale · ∂loss/∂Y} to {@code gradY} and {@code scale · ∂loss/∂z_m} to row m of
     * {@code gradZ} (both row-major M×M, modified in place) for one sample and returns its loss (nats).
     * Copies the rows it uses; callers with many samples at the same Y should use
     * {@link #accumulate(double[][], double[][], HistogramBatch, double, double[][], double[][])}.
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
        int[] used = Arrays.copyOf(tokens, count);
        HistogramBatch one = new HistogramBatch(new int[] {query}, new int[] {next}, new int[][] {used});
        System.arraycopy(weights, 0, one.add(0), 0, count);
        double[][] yRows = new double[size][];
        double[][] gradYRows = new double[size][];
        int[] touched = Arrays.copyOf(used, count + 1);
        touched[count] = query;
        for (int l : touched) {
            yRows[l] = Arrays.copyOfRange(y, l * size, (l + 1) * size);
            gradYRows[l] = Arrays.copyOfRange(gradY, l * size, (l + 1) * size);
        }
        double[][] zRows = new double[size][];
        double[][] gradZRows = new double[size][];
        zRows[query] = Arrays.copyOfRange(z, query * size, (query + 1) * size);
        gradZRows[query] = Arrays.copyOfRange(gradZ, query * size, (query + 1) * size);
        double sampleLoss = accumulate(yRows, zRows, one, scale, gradYRows, gradZRows);
        for (int l : touched) {
            System.arraycopy(gradYRows[l], 0, gradY, l * size, size);
        }
        System.arraycopy(gradZRows[query], 0, gradZ, query * size, size);
        return sampleLoss;
    }

    /**
     * Adds {@code scale · Σ_s ∂loss_s/∂Y} to {@code gradY} and {@code scale · Σ_s ∂loss_s/∂Z} to
     * {@code gradZ} over the samples s of {@code batch} and returns Σ_s loss_s (nats, summed in batch
     * order). All four matrices are arrays of rows ({@code y[l]} is row l), the form in which every loop
     * over a row compiles to vector instructions; only the rows of the groups' tokens (and of their queries
     * in the residual variant) of Y and the queries' rows of Z are used.
     *
     * @throws IllegalArgumentException if a sample has no contextual token of positive weight
     */
    public double accumulate(double[][] y, double[][] z, HistogramBatch batch, double scale, double[][] gradY,
                             double[][] gradZ) {
        prepare(batch, y);
        int samples = batch.size();
        for (int s = 0; s < samples; s++) {
            attention(batch, s, z);
        }
        for (int g = 0; g < batch.groups(); g++) {
            if (memberCount[g] == 0) {
                continue;
            }
            forward(g);
            for (int i = 0; i < memberCount[g]; i++) {
                softmax(batch, members[g][i]);
            }
            gradient(batch, g, scale, y, gradY, gradZ);
        }
        double total = 0;
        for (int s = 0; s < samples; s++) {
            total += loss[s];
        }
        return total;
    }

    /** Lays out the batch's groups (once per batch object) and its samples' buffers, and sorts samples into groups. */
    private void prepare(HistogramBatch batch, double[][] y) {
        int groups = batch.groups();
        if (batch != cachedFor) {
            cachedFor = batch;
            rowIds = new int[groups][];
            queryAt = new int[groups];
            rows = new double[groups][][];
            members = new int[groups][4];
            memberCount = new int[groups];
            widest = 0;
            for (int g = 0; g < groups; g++) {
                int[] tokens = batch.tokens(g);
                int count = tokens.length;
                int used = residual ? count + 1 : count;
                int width = Math.max(BLOCK, (used + BLOCK - 1) / BLOCK * BLOCK);
                rowIds[g] = new int[width];
                Arrays.fill(rowIds[g], -1);
                System.arraycopy(tokens, 0, rowIds[g], 0, count);
                if (residual) {
                    rowIds[g][count] = batch.query(g);
                }
                queryAt[g] = -1;
                for (int p = 0; p < count; p++) {
                    if (tokens[p] == batch.query(g)) {
                        queryAt[g] = p;
                    }
                }
                rows[g] = new double[width][];
                widest = Math.max(widest, width);
            }
            decoderSum = new double[widest][size];
            kappaSum = new double[widest];
            pair = new double[widest + 1];
            offset = new double[widest];
        }
        for (int g = 0; g < groups; g++) {
            for (int p = 0; p < rowIds[g].length; p++) {
                rows[g][p] = rowIds[g][p] < 0 ? zeroRow : y[rowIds[g][p]];
            }
        }
        int samples = batch.size();
        if (att.length < samples || (samples > 0 && att[0].length < widest)) {
            int capacity = Math.max(samples, att.length);
            att = new double[capacity][widest];
            out = new double[capacity][widest];
            prod = new double[capacity][size];
            coefficient = new double[capacity][widest];
            norm = new double[capacity];
            inversePartition = new double[capacity];
            logitGain = new double[capacity];
            loss = new double[capacity];
        }
        Arrays.fill(memberCount, 0);
        for (int s = 0; s < samples; s++) {
            int g = batch.group(s);
            if (memberCount[g] == members[g].length) {
                members[g] = Arrays.copyOf(members[g], 2 * memberCount[g]);
            }
            members[g][memberCount[g]++] = s;
        }
    }

    /** a and f of sample s, over every position of its group (zero where the sample lacks the token). */
    private void attention(HistogramBatch batch, int s, double[][] z) {
        int g = batch.group(s);
        int[] tokens = batch.tokens(g);
        double[] w = batch.weights(s);
        int count = tokens.length;
        double[] zRow = z[batch.query(g)];
        double zMax = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int p = 0; p < count; p++) {
            if (w[p] > 0) {
                zMax = Math.max(zMax, zRow[tokens[p]]);
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("a sample needs at least one contextual token");
        }
        double[] a = att[s];
        double[] f = out[s];
        double total = 0;
        for (int p = 0; p < count; p++) {
            // set, not multiplied: w = 0 must give 0 even where e^{z − zMax} overflows
            a[p] = w[p] > 0 ? w[p] * Math.exp(zRow[tokens[p]] - zMax) : 0;
            total += a[p];
        }
        for (int p = 0; p < count; p++) {
            a[p] /= total;
            f[p] = a[p];
        }
        int width = rowIds[g].length;
        Arrays.fill(a, count, width, 0.0);
        Arrays.fill(f, count, width, 0.0);
        if (residual) {
            int at = queryAt[g];
            if (at >= 0 && w[at] > 0) {
                f[at] += 1;
            } else {
                f[count] = 1;
            }
        }
        norm[s] = 1;
        if (normalize) {
            int used = residual ? count + 1 : count;
            double sq = 0;
            for (int p = 0; p < used; p++) {
                sq += f[p] * f[p];
            }
            norm[s] = Math.sqrt(sq);
            for (int p = 0; p < used; p++) {
                f[p] /= norm[s];
            }
        }
    }

    /**
     * o = Yᵀf for every sample of group g, two samples per pass over a block of rows (each row is read
     * once for both, and stays in cache across the group).
     */
    private void forward(int g) {
        int count = memberCount[g];
        int[] of = members[g];
        for (int i = 0; i < count; i++) {
            Arrays.fill(prod[of[i]], 0.0);
        }
        double[][] r = rows[g];
        for (int p = 0; p < r.length; p += BLOCK) {
            double[] y0 = r[p];
            double[] y1 = r[p + 1];
            double[] y2 = r[p + 2];
            double[] y3 = r[p + 3];
            int i = 0;
            for (; i + 1 < count; i += 2) {
                double[] f = out[of[i]];
                double f0 = f[p];
                double f1 = f[p + 1];
                double f2 = f[p + 2];
                double f3 = f[p + 3];
                double[] h = out[of[i + 1]];
                double h0 = h[p];
                double h1 = h[p + 1];
                double h2 = h[p + 2];
                double h3 = h[p + 3];
                double[] o = prod[of[i]];
                double[] q = prod[of[i + 1]];
                for (int c = 0; c < size; c++) {
                    double a = y0[c];
                    double b = y1[c];
                    double d = y2[c];
                    double e = y3[c];
                    o[c] = o[c] + f0 * a + f1 * b + f2 * d + f3 * e;
                    q[c] = q[c] + h0 * a + h1 * b + h2 * d + h3 * e;
                }
            }
            if (i < count) {
                double[] f = out[of[i]];
                double f0 = f[p];
                double f1 = f[p + 1];
                double f2 = f[p + 2];
                double f3 = f[p + 3];
                double[] o = prod[of[i]];
                for (int c = 0; c < size; c++) {
                    o[c] = o[c] + f0 * y0[c] + f1 * y1[c] + f2 * y2[c] + f3 * y3[c];
                }
            }
        }
    }

    /**
     * The loss of sample s and q = o·(α − e_n); its o is replaced by e^{o − o_n}, and
     * {@code inversePartition} is 1/Σ_c e^{o_c − o_n}, so that α = e^{o − o_n}/Σ: the division is left
     * to the coefficients that multiply α. Shifting by the target's logit rather than the largest one
     * spares a pass over o; should a logit exceed the target's by more than about 570, the sum (or
     * Σ (o − o_n)e^{o − o_n}) could overflow, and the largest logit is used instead.
     */
    private void softmax(HistogramBatch batch, int s) {
        double[] o = prod[s];
        double logitNext = o[batch.next(batch.group(s))];
        double shift = logitNext;
        double partition = exponentiate(o, shift, s);
        if (!(partition <= SAFE_PARTITION)) {
            shift = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < size; c++) {
                shift = Math.max(shift, o[c]);
            }
            partition = exponentiate(o, shift, s);
        }
        // the exponentials went to the spare row: it becomes the sample's, its logits the next spare
        prod[s] = spare;
        spare = o;
        loss[s] = Math.log(partition) + shift - logitNext;
        inversePartition[s] = 1 / partition;
        logitGain[s] = logitGain[s] / partition + shift - logitNext;
    }

    /** spare ← e^{o − shift}; returns Σ e^{o − shift} and leaves Σ (o − shift)e^{o − shift} in logitGain[s]. */
    private double exponentiate(double[] o, double shift, int s) {
        double partition = 0;
        double weighted = 0;
        for (int c = 0; c < size; c++) {
            double x = o[c] - shift;
            double e = Math.exp(x);
            weighted += x * e;
            spare[c] = e;
            partition += e;
        }
        logitGain[s] = weighted;
        return partition;
    }

    /**
     * The gradients of group g's samples, with q = f·dL/df = o·(α − e_n), u·(α − e_n) where u = Σ_l a_l Y_l
     * (= ‖a'‖o, less Y_m with the residual) and d_l = Y_l·(α − e_n):
     * <pre>
     *   dL/da_l = (d_l − f_l q)/‖a'‖  (normalised) or d_l,   mean = Σ_l a_l dL/da_l,
     *   ∂z_{ml} += scale·a_l(dL/da_l − mean) = κ_l d_l − (scale·a_l(f_l q/‖a'‖ + mean) or scale·a_l·mean),
     *   ∂Y_l += scale·f_l(α − e_n) = κ_l(α − e_n), plus (scale/‖a'‖)(α − e_n) on row m with the residual.
     * </pre>
     * Samples hold e^{o − o_n} = Σ·α, so H_l = Σ_s (κ_{s,l}/Σ_s) e^{o_s − o_n} − (Σ_s κ_{s,l}) e_n.
     */
    private void gradient(HistogramBatch batch, int g, double scale, double[][] y, double[][] gradY,
                          double[][] gradZ) {
        int[] tokens = batch.tokens(g);
        int count = tokens.length;
        int next = batch.next(g);
        int query = batch.query(g);
        int samples = memberCount[g];
        int[] of = members[g];
        Arrays.fill(offset, 0, count, 0.0);
        Arrays.fill(kappaSum, 0, count, 0.0);
        for (int i = 0; i < samples; i++) {
            int s = of[i];
            double[] a = att[s];
            double[] f = out[s];
            double nu = norm[s];
            double q = logitGain[s];
            double uDotG = nu * q;
            if (residual) {
                // pair[] is free until the dot products of the positions below
                dots(y[query], prod[s], zeroRow, zeroRow, 0);
                uDotG -= pair[0] * inversePartition[s] - y[query][next];
            }
            double[] k = coefficient[i];
            for (int p = 0; p < count; p++) {
                k[p] = scale * a[p] / nu;
                kappaSum[p] += k[p];
            }
            if (normalize) {
                double af = 0;
                for (int p = 0; p < count; p++) {
                    af += a[p] * f[p];
                }
                double mean = (uDotG - q * af) / nu;
                for (int p = 0; p < count; p++) {
                    offset[p] += scale * a[p] * (f[p] * q / nu + mean);
                }
            } else {
                for (int p = 0; p < count; p++) {
                    offset[p] += scale * a[p] * uDotG;
                }
            }
            for (int p = 0; p < count; p++) {
                k[p] *= inversePartition[s];
            }
        }
        int p = 0;
        for (; p + 1 < count; p += 2) {
            decoderSums(p, p + 1, samples, of);
        }
        if (p < count) {
            decoderSums(p, p, samples, of);
        }
        for (p = 0; p < count; p++) {
            decoderSum[p][next] -= kappaSum[p];
        }
        double[] gradZRow = gradZ[query];
        for (p = 0; p + 1 < count; p += 2) {
            dots(y[tokens[p]], decoderSum[p], y[tokens[p + 1]], decoderSum[p + 1], p);
        }
        if (p < count) {
            dots(y[tokens[p]], decoderSum[p], zeroRow, zeroRow, p);
        }
        for (p = 0; p < count; p++) {
            gradZRow[tokens[p]] += pair[p] - offset[p];
            double[] h = decoderSum[p];
            double[] row = gradY[tokens[p]];
            for (int c = 0; c < size; c++) {
                row[c] += h[c];
            }
        }
        if (residual) {
            Arrays.fill(querySum, 0.0);
            double total = 0;
            for (int i = 0; i < samples; i++) {
                double k = scale / norm[of[i]];
                total += k;
                k *= inversePartition[of[i]];
                double[] e = prod[of[i]];
                for (int c = 0; c < size; c++) {
                    querySum[c] += k * e[c];
                }
            }
            querySum[next] -= total;
            double[] row = gradY[query];
            for (int c = 0; c < size; c++) {
                row[c] += querySum[c];
            }
        }
    }

    /**
     * H_p and H_t (t = p allowed) from the samples' e^{o − o_n} and coefficients: four samples per pass,
     * two positions sharing their reads.
     */
    private void decoderSums(int p, int t, int samples, int[] of) {
        double[] hp = decoderSum[p];
        double[] ht = decoderSum[t];
        Arrays.fill(hp, 0.0);
        Arrays.fill(ht, 0.0);
        int i = 0;
        for (; i + 3 < samples; i += 4) {
            double[] e0 = prod[of[i]];
            double[] e1 = prod[of[i + 1]];
            double[] e2 = prod[of[i + 2]];
            double[] e3 = prod[of[i + 3]];
            double p0 = coefficient[i][p];
            double p1 = coefficient[i + 1][p];
            double p2 = coefficient[i + 2][p];
            double p3 = coefficient[i + 3][p];
            if (t == p) {
                for (int c = 0; c < size; c++) {
                    hp[c] = hp[c] + p0 * e0[c] + p1 * e1[c] + p2 * e2[c] + p3 * e3[c];
                }
                continue;
            }
            double t0 = coefficient[i][t];
            double t1 = coefficient[i + 1][t];
            double t2 = coefficient[i + 2][t];
            double t3 = coefficient[i + 3][t];
            for (int c = 0; c < size; c++) {
                double a = e0[c];
                double b = e1[c];
                double d = e2[c];
                double e = e3[c];
                hp[c] = hp[c] + p0 * a + p1 * b + p2 * d + p3 * e;
                ht[c] = ht[c] + t0 * a + t1 * b + t2 * d + t3 * e;
            }
        }
        for (; i < samples; i++) {
            double[] e0 = prod[of[i]];
            double p0 = coefficient[i][p];
            double t0 = coefficient[i][t];
            if (t == p) {
                for (int c = 0; c < size; c++) {
                    hp[c] += p0 * e0[c];
                }
                continue;
            }
            for (int c = 0; c < size; c++) {
                hp[c] += p0 * e0[c];
                ht[c] += t0 * e0[c];
            }
        }
    }

    /** pair[p] = u·v and pair[p + 1] = w·x (over M entries), eight sums in flight. */
    private void dots(double[] u, double[] v, double[] w, double[] x, int p) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int c = 0;
        for (; c + 3 < size; c += 4) {
            a0 += u[c] * v[c];
            a1 += u[c + 1] * v[c + 1];
            a2 += u[c + 2] * v[c + 2];
            a3 += u[c + 3] * v[c + 3];
            b0 += w[c] * x[c];
            b1 += w[c + 1] * x[c + 1];
            b2 += w[c + 2] * x[c + 2];
            b3 += w[c + 3] * x[c + 3];
        }
        for (; c < size; c++) {
            a0 += u[c] * v[c];
            b0 += w[c] * x[c];
        }
        pair[p] = (a0 + a1) + (a2 + a3);
        pair[p + 1] = (b0 + b1) + (b2 + b3);
    }
}
