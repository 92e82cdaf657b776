package org.theorycheck.theories.deeplinear.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.RandomStreams;

class DenseTest {

    /** Plain triple loop, the reference. */
    private static double[] naive(double[] a, int m, int k, double[] b, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void everyProductMatchesTheTripleLoopOnShapesWithRemainders() {
        UniformRandomProvider rng = RandomStreams.INIT.stream(1);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {4, 4, 4}, {9, 7, 13}, {17, 32, 6}, {33, 1, 5}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            Matrix a = Orthogonal.gaussian(m, k, 1, rng);
            Matrix b = Orthogonal.gaussian(k, n, 1, rng);
            Matrix expected = new Matrix(m, n, naive(a.data(), m, k, b.data(), n));
            String at = m + "x" + k + "x" + n;
            assertThat(a.times(b).minus(expected).frobenius()).as("multiply " + at).isLessThan(1e-12);
            assertThat(a.transpose().transposeTimes(b).minus(expected).frobenius()).as("aᵀ b " + at).isLessThan(1e-12);
            assertThat(a.timesTranspose(b.transpose()).minus(expected).frobenius()).as("a bᵀ " + at).isLessThan(1e-12);
        }
    }

    @Test
    void transposeAndNorm() {
        Matrix x = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(x.transpose()).isEqualTo(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        assertThat(Dense.norm(new double[] {3e200, 4e200})).as("no overflow").isCloseTo(5e200, org.assertj.core.api.Assertions.within(1e185));
        assertThat(Dense.norm(new double[] {0, 0})).isZero();
    }
}
