package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

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

    /** Samples the products the settings describe, realisations in parallel. */
    public static ProductSpectra sample(SpectraSettings settings, long seed) {
        int depths = settings.factors().length;
        int n = settings.width();
        List<double[][][]> each = IntStream.range(0, settings.realisations()).parallel()
                .mapToObj(r -> realisation(settings, RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, r})))
                .toList();
        double[][][] pooled = new double[3][depths][settings.realisations() * n];
        for (int r = 0; r < each.size(); r++) {
            for (int part = 0; part < 3; part++) {
                for (int k = 0; k < depths; k++) {
                    System.arraycopy(each.get(r)[part][k], 0, pooled[part][k], r * n, n);
                }
            }
        }
        return new ProductSpectra(settings, pooled[0], pooled[1], pooled[2]);
    }

    /** One chain: {singular values, eigenvalues' real parts, imaginary parts}, each [depth][n]. */
    private static double[][][] realisation(SpectraSettings settings, UniformRandomProvider rng) {
        int n = settings.width();
        int[] factors = settings.factors();
        double[][][] out = new double[3][factors.length][];
        DMatrixRMaj product = settings.ensemble().draw(n, rng);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        int k = 0;
        for (int m = 1; k < factors.length; m++) {
            if (m == factors[k]) {
                out[0][k] = singularValues(product);
                double[][] eig = eigenvalues(product);
                out[1][k] = eig[0];
                out[2][k] = eig[1];
                k++;
            }
            if (k < factors.length) {
                CommonOps_DDRM.mult(settings.ensemble().draw(n, rng), product, next);
                DMatrixRMaj swap = product;
                product = next;
                next = swap;
            }
        }
        return out;
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
