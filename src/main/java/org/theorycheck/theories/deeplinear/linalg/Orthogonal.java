package org.theorycheck.theories.deeplinear.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Random orthogonal matrices drawn as the Q factor of the QR decomposition of a Gaussian matrix, with
 * the sign of each column fixed so that R has a positive diagonal: without that fix the distribution is
 * not Haar (Mezzadri 2007), and the result would depend on the QR routine's sign choices. The theory's one
 * implementation, for the initialisations (Sec 3) and the products of Fig 6 alike: the Gaussian entries are
 * drawn row by row from the stream given, so a stream gives the same matrix whoever draws it (a 1000 × 1000
 * draw takes about a second, as EJML's QR does; the two agree to 1e-14).
 */
public final class Orthogonal {

    private Orthogonal() {}

    /** A Haar-distributed n×n orthogonal matrix. */
    public static Matrix haar(int n, UniformRandomProvider rng) {
        return semiOrthogonal(n, n, rng);
    }

    /**
     * A rows×cols matrix with orthonormal columns (rows ≥ cols) or orthonormal rows (rows &lt; cols),
     * the leading block of a Haar-distributed orthogonal matrix.
     */
    public static Matrix semiOrthogonal(int rows, int cols, UniformRandomProvider rng) {
        if (rows < cols) {
            return semiOrthogonal(cols, rows, rng).transpose();
        }
        Matrix g = gaussian(rows, cols, 1.0, rng);
        QRDecomposition qr = new QRDecomposition(g.toReal());
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        Matrix out = Matrix.zeros(rows, cols);
        for (int j = 0; j < cols; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < rows; i++) {
                out.data()[i * cols + j] = sign * q.getEntry(i, j);
            }
        }
        return out;
    }

    /** A matrix of independent N(0, std²) entries, drawn row by row. */
    public static Matrix gaussian(int rows, int cols, double std, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = std * normal.sample();
        }
        return new Matrix(rows, cols, d);
    }

    /**
     * An n×n orthogonal matrix whose first columns are the orthonormal columns of {@code basis}
     * (n×k): the other columns span the orthogonal complement (the Q factor of a Householder QR of
     * {@code basis}, whose first k columns equal those of {@code basis} up to sign, so deterministic). Used where a rotated frame needs all n directions but the data fix only k.
     */
    public static Matrix complete(Matrix basis) {
        int n = basis.rows();
        int k = basis.cols();
        RealMatrix q = new QRDecomposition(basis.toReal()).getQ();
        Matrix out = Matrix.of(q);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                out.data()[i * n + j] = basis.data()[i * k + j];
            }
        }
        return out;
    }
}
