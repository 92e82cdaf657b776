package org.theorycheck.theories.deeplinear.task;

import org.hipparchus.linear.SingularValueDecomposition;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;

/**
 * The singular value decomposition of eq 3, {@code Σ31 = U S Vᵀ = Σ_α s_α u_α v_αᵀ}, in compact form:
 * {@code u} is N3×r and {@code v} N1×r with r = min(N1, N3), {@code s} descending (zeros allowed, for
 * modes the data do not drive). The sign of each pair (u_α, v_α) is fixed so that the entry of v_α of
 * largest magnitude (the first such, on ties) is positive, so that the mode strengths
 * {@code u_α = [Uᵀ W V]_αα} are reproducible whatever the SVD routine's own signs.
 */
public record TaskSvd(Matrix u, double[] s, Matrix v) {

    public TaskSvd {
        int r = s.length;
        if (u.cols() != r || v.cols() != r) {
            throw new IllegalArgumentException("U and V need " + r + " columns, got " + u + " and " + v);
        }
        for (int a = 0; a < r; a++) {
            if (!(s[a] >= 0) || (a > 0 && s[a] > s[a - 1])) {
                throw new IllegalArgumentException("singular values must be non-negative and descending, got s_"
                        + (a + 1) + " = " + s[a]);
            }
        }
        s = s.clone();
    }

    /** The decomposition of {@code sigma31} (N3×N1), with the sign convention above. */
    public static TaskSvd of(Matrix sigma31) {
        SingularValueDecomposition svd = new SingularValueDecomposition(sigma31.toReal());
        return canonical(Matrix.of(svd.getU()), svd.getSingularValues(), Matrix.of(svd.getV()));
    }

    /** Applies the sign convention to a decomposition given column by column. */
    public static TaskSvd canonical(Matrix u, double[] s, Matrix v) {
        Matrix uu = u.copy();
        Matrix vv = v.copy();
        for (int a = 0; a < s.length; a++) {
            int argmax = 0;
            for (int i = 1; i < v.rows(); i++) {
                if (Math.abs(v.get(i, a)) > Math.abs(v.get(argmax, a))) {
                    argmax = i;
                }
            }
            if (v.get(argmax, a) < 0) {
                flip(uu, a);
                flip(vv, a);
            }
        }
        return new TaskSvd(uu, s, vv);
    }

    private static void flip(Matrix m, int col) {
        for (int i = 0; i < m.rows(); i++) {
            m.data()[i * m.cols() + col] = -m.data()[i * m.cols() + col];
        }
    }

    /** Number of modes r = min(N1, N3). */
    public int modes() {
        return s.length;
    }

    /** The singular value of mode α (1-based, as in the paper). */
    public double s(int alpha) {
        return s[alpha - 1];
    }

    public double[] singularValues() {
        return s.clone();
    }

    /** U completed to an N3×N3 orthogonal matrix (the first r columns are {@link #u()}). */
    public Matrix fullU() {
        return u.rows() == u.cols() ? u : Orthogonal.complete(u);
    }

    /** V completed to an N1×N1 orthogonal matrix (the first r columns are {@link #v()}). */
    public Matrix fullV() {
        return v.rows() == v.cols() ? v : Orthogonal.complete(v);
    }

    /** The best rank-k approximation of Σ31, {@code Σ_{α≤k} s_α u_α v_αᵀ} (eq 7 for k = N2). */
    public Matrix bestRank(int k) {
        int kk = Math.min(k, s.length);
        Matrix us = Matrix.zeros(u.rows(), kk);
        for (int i = 0; i < u.rows(); i++) {
            for (int a = 0; a < kk; a++) {
                us.data()[i * kk + a] = u.get(i, a) * s[a];
            }
        }
        return us.timesTranspose(v.leadingColumns(kk));
    }
}
