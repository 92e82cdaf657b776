package org.theorycheck.theories.deeplinear.mnist;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.theorycheck.theories.deeplinear.spectra.Measurement;

/**
 * How well the input correlations are aligned with the task, eq 18: pretraining finds the input modes
 * only if Q = V11, where Σ11 = Q Λ Qᵀ and Σ31 = U33 S31 V11ᵀ (eq 3), i.e. if V11ᵀ Σ11 V11 is diagonal
 * (the reference reads the paper's "V11 Σ11 V11ᵀ" this way). Prediction 23; Fig 5 left and centre.
 *
 * <p>Only the first r = rank Σ31 columns of V11 are fixed by the data (for 10 one-hot targets r ≤ 10);
 * the rest are any orthonormal completion, so the measures below use those r columns only and do not
 * depend on the completion.
 *
 * @param rank                r, the numerical rank of Σ31
 * @param offDiagonalFraction ‖offdiag(B)‖_F / ‖B‖_F of the r × r block B = V_rᵀ Σ11 V_r (0 when diagonal)
 * @param leakage             ‖Σ11 V_r − V_r diag(B)‖_F / ‖Σ11 V_r‖_F: the off-diagonal mass of the first r
 *                            columns of V11ᵀ Σ11 V11, inside the block and outside it (0 when every v_α is an
 *                            eigenvector of Σ11)
 * @param block               B, the matrix Fig 5 centre shows
 */
public record InputAlignment(int rank, double offDiagonalFraction, double leakage, double[][] block) {

    /** Of a task's Σ11 (N1 × N1) and Σ31 (N3 × N1), both sums as in eq 3. */
    public static InputAlignment of(double[][] sigma11, double[][] sigma31) {
        RealMatrix s31 = new Array2DRowRealMatrix(sigma31);
        SingularValueDecomposition svd = new SingularValueDecomposition(s31);
        double[] s = svd.getSingularValues();
        double tolerance = Math.max(s31.getRowDimension(), s31.getColumnDimension()) * Math.ulp(s[0]);
        int r = 0;
        while (r < s.length && s[r] > tolerance) {
            r++;
        }
        if (r == 0) {
            throw new IllegalArgumentException("Σ31 is zero: the inputs carry nothing about the targets");
        }
        RealMatrix v = svd.getV().getSubMatrix(0, s31.getColumnDimension() - 1, 0, r - 1);
        RealMatrix sv = new Array2DRowRealMatrix(sigma11).multiply(v);
        RealMatrix block = v.transpose().multiply(sv);
        double off = 0;
        double all = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double b = block.getEntry(i, j);
                all += b * b;
                if (i != j) {
                    off += b * b;
                }
            }
        }
        RealMatrix diagonalPart = v.copy();
        for (int k = 0; k < r; k++) {
            diagonalPart.setColumnVector(k, v.getColumnVector(k).mapMultiply(block.getEntry(k, k)));
        }
        double leakage = sv.subtract(diagonalPart).getFrobeniusNorm() / sv.getFrobeniusNorm();
        return new InputAlignment(r, Math.sqrt(off / all), leakage, block.getData());
    }

    /** Prediction 23: the deviation is the off-diagonal fraction of the determined block (0 = eq 18 exactly). */
    public Measurement measure() {
        return new Measurement(offDiagonalFraction, String.format(
                "off-diagonal fraction of V11ᵀ Σ11 V11 on the %d data-determined modes: %.4f (Frobenius, dimensionless;"
                        + " 0 = diagonal); with the mass leaking out of those modes: %.4f", rank, offDiagonalFraction, leakage));
    }
}
