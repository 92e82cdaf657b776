package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Singular values and eigenvalues of products of random matrices, eq 19 (Fig 6B, 6C), pooled over
 * realisations: entry k of each array holds the values of every realisation's product of
 * {@code settings.factors()[k]} matrices, realisation after realisation.
 *
 * <p>Realisation r draws its matrices from its own stream, seeded by (seed, r), and one chain of
 * matrices serves every depth (the product of 8 is the product of 4 times four more), so the numbers
 * depend on the seed only, not on how many threads computed them.
 */
public record ProductSpectra(SpectraSettings settings, double[][] singularValues, double[][] eigenRe, double[][] eigenIm) {

    /** Samples the products the settings describe, singular values and eigenvalues, realisations in parallel. */
    public static ProductSpectra sample(SpectraSettings settings, long seed) {
        List<Realisation> each = IntStream.range(0, settings.realisations()).parallel()
                .mapToObj(r -> realisation(settings, seed, r, true, true)).toList();
        return pool(settings, each);
    }

    /**
     * The spectra of one realisation's products, entry [k] for {@code settings.factors()[k]} matrices; a part
     * not asked for is null.
     *
     * @param singularValues [depth][n], decreasing
     * @param eigenRe        [depth][n], real parts of the eigenvalues
     * @param eigenIm        [depth][n], imaginary parts
     */
    public record Realisation(double[][] singularValues, double[][] eigenRe, double[][] eigenIm) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Realisation {@code r} of the chain of matrices, drawn from its own stream seeded by (seed, r) whatever the
     * thread or machine that computes it; singular values and eigenvalues only if asked for (an eigen-decomposition
     * of a 1000 × 1000 product costs some 9 s, its SVD 1.2 s).
     */
    public static Realisation realisation(SpectraSettings settings, long seed, int r, boolean singular, boolean eigen) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, r});
        int n = settings.width();
        int[] factors = settings.factors();
        double[][] sv = singular ? new double[factors.length][] : null;
        double[][] re = eigen ? new double[factors.length][] : null;
        double[][] im = eigen ? new double[factors.length][] : null;
        DMatrixRMaj product = settings.ensemble().draw(n, rng);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        int k = 0;
        for (int m = 1; k < factors.length; m++) {
            if (m == factors[k]) {
                if (singular) {
                    sv[k] = singularValues(product);
                }
                if (eigen) {
                    double[][] eig = eigenvalues(product);
                    re[k] = eig[0];
                    im[k] = eig[1];
                }
                k++;
            }
            if (k < factors.length) {
                CommonOps_DDRM.mult(settings.ensemble().draw(n, rng), product, next);
                DMatrixRMaj swap = product;
                product = next;
                next = swap;
            }
        }
        return new Realisation(sv, re, im);
    }

    /**
     * The realisations pooled, realisation after realisation; a part no realisation computed is pooled as empty
     * arrays.
     */
    public static ProductSpectra pool(SpectraSettings settings, List<Realisation> each) {
        int depths = settings.factors().length;
        int n = settings.width();
        double[][][] pooled = new double[3][depths][];
        for (int part = 0; part < 3; part++) {
            for (int k = 0; k < depths; k++) {
                int p = part;
                int kk = k;
                boolean present = each.stream().allMatch(r -> part(r, p) != null);
                pooled[part][k] = new double[present ? each.size() * n : 0];
                for (int r = 0; present && r < each.size(); r++) {
                    System.arraycopy(part(each.get(r), p)[kk], 0, pooled[part][k], r * n, n);
                }
            }
        }
        return new ProductSpectra(settings, pooled[0], pooled[1], pooled[2]);
    }

    private static double[][] part(Realisation r, int part) {
        return part == 0 ? r.singularValues() : part == 1 ? r.eigenRe() : r.eigenIm();
    }

    /** The singular values of a square matrix, in decreasing order (the matrix is not modified). */
    public static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("the SVD of a " + m.numRows + " x " + m.numCols + " product did not converge");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** The eigenvalues {real parts, imaginary parts} of a square matrix (not modified). */
    public static double[][] eigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("the eigenvalues of a " + m.numRows + " x " + m.numCols + " product did not converge");
        }
        double[][] out = new double[2][m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            out[0][i] = z.real;
            out[1][i] = z.imaginary;
        }
        return out;
    }

    /** The index of a depth (number of factors) in the settings. */
    public int depthIndex(int factors) {
        int[] f = settings.factors();
        for (int k = 0; k < f.length; k++) {
            if (f[k] == factors) {
                return k;
            }
        }
        throw new IllegalArgumentException("no product of " + factors + " matrices was sampled; the depths are "
                + Arrays.toString(f));
    }
}
