package org.theorycheck.theories.scansnap.model;

/**
 * The paper's per-position forward pass and loss gradient of one sample (Eqn. 1–3, with the optional
 * residual of Sec. 7), written directly over the T−1 contextual positions with explicit attention
 * weights b_t, independently of the histogram formulation in {@link YZGradient}:
 *
 * <pre>
 *   b_t = exp(z_{m,x_t}) / Σ_{t'} exp(z_{m,x_t'}),   a = Σ_t b_t e_{x_t},   a' = a (+ e_m),
 *   f = a'/‖a'‖ (or a'),   o = Yᵀf,   α = softmax(o),   loss = −log α_n
 * </pre>
 *
 * and by the chain rule ∂loss/∂Y = f(α − e_n)ᵀ, ∂loss/∂a = J_fᵀ Y(α − e_n), ∂loss/∂s_t = b_t(g_{x_t} − Σ_t' b_t' g_{x_t'})
 * with s_t = z_{m,x_t}, and ∂loss/∂z_{ml} = Σ_{t: x_t = l} ∂loss/∂s_t.
 */
final class PerPositionReference {

    /** Forward quantities (full M-vectors) and the unit-scale gradient. */
    record Result(double loss, double[] a, double[] f, double[] alpha, double[] gradY, double[] gradZRow) {}

    private PerPositionReference() {}

    static Result evaluate(int size, double[] y, double[] z, int query, int next, int[] positions,
                           boolean normalize, boolean residual) {
        int len = positions.length;
        double[] s = new double[len];
        double sMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < len; t++) {
            s[t] = z[query * size + positions[t]];
            sMax = Math.max(sMax, s[t]);
        }
        double[] b = new double[len];
        double sum = 0;
        for (int t = 0; t < len; t++) {
            b[t] = Math.exp(s[t] - sMax);
            sum += b[t];
        }
        double[] a = new double[size];
        for (int t = 0; t < len; t++) {
            b[t] /= sum;
            a[positions[t]] += b[t];
        }
        double[] aPrime = a.clone();
        if (residual) {
            aPrime[query] += 1;
        }
        double norm = 1;
        if (normalize) {
            double sq = 0;
            for (double v : aPrime) {
                sq += v * v;
            }
            norm = Math.sqrt(sq);
        }
        double[] f = new double[size];
        for (int l = 0; l < size; l++) {
            f[l] = aPrime[l] / norm;
        }
        double[] o = new double[size];
        for (int j = 0; j < size; j++) {
            for (int l = 0; l < size; l++) {
                o[j] += y[l * size + j] * f[l];
            }
        }
        double oMax = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            oMax = Math.max(oMax, v);
        }
        double partition = 0;
        for (double v : o) {
            partition += Math.exp(v - oMax);
        }
        double[] alpha = new double[size];
        for (int j = 0; j < size; j++) {
            alpha[j] = Math.exp(o[j] - oMax) / partition;
        }
        double loss = -(o[next] - oMax - Math.log(partition));

        double[] delta = alpha.clone();   // ∂loss/∂o = α − e_n
        delta[next] -= 1;
        double[] gradY = new double[size * size];
        for (int l = 0; l < size; l++) {
            for (int j = 0; j < size; j++) {
                gradY[l * size + j] = f[l] * delta[j];
            }
        }
        double[] q = new double[size];    // ∂loss/∂f = Y(α − e_n)
        for (int l = 0; l < size; l++) {
            for (int j = 0; j < size; j++) {
                q[l] += y[l * size + j] * delta[j];
            }
        }
        double[] g = new double[size];    // ∂loss/∂a' = J_fᵀ q with J_f = (I − f fᵀ)/‖a'‖, or I
        if (normalize) {
            double fq = 0;
            for (int l = 0; l < size; l++) {
                fq += f[l] * q[l];
            }
            for (int l = 0; l < size; l++) {
                g[l] = (q[l] - f[l] * fq) / norm;
            }
        } else {
            System.arraycopy(q, 0, g, 0, size);
        }
        double mean = 0;                  // Σ_t b_t g_{x_t}
        for (int t = 0; t < len; t++) {
            mean += b[t] * g[positions[t]];
        }
        double[] gradZRow = new double[size];
        for (int t = 0; t < len; t++) {
            gradZRow[positions[t]] += b[t] * (g[positions[t]] - mean);
        }
        return new Result(loss, a, f, alpha, gradY, gradZRow);
    }
}
