package org.theorycheck.theories.deeplinear.mnist;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InputAlignmentTest {

    /** Products of a few 40 × 40 matrices with O(1) entries. */
    private static final double ROUNDOFF = 1e-12;

    @Test
    void inputsAlignedWithTheTaskGiveADiagonalBlock() {
        Random random = new Random(5);
        RealMatrix v = orthogonal(40, random);
        RealMatrix u = orthogonal(10, random);
        RealMatrix sigma11 = v.multiply(diagonal(40, random)).multiply(v.transpose());
        RealMatrix s31 = new Array2DRowRealMatrix(10, 40);
        for (int a = 0; a < 10; a++) {
            s31.setEntry(a, a, 10 - a);
        }
        RealMatrix sigma31 = u.multiply(s31).multiply(v.transpose());
        InputAlignment aligned = InputAlignment.of(sigma11.getData(), sigma31.getData());
        assertThat(aligned.rank()).isEqualTo(10);
        assertThat(aligned.offDiagonalFraction()).isLessThan(ROUNDOFF);
        assertThat(aligned.leakage()).isLessThan(ROUNDOFF);
        assertThat(aligned.measure().deviation()).isLessThan(ROUNDOFF);
    }

    @Test
    void negativeControlInputsRotatedAwayFromTheTaskAreFarFromDiagonal() {
        Random random = new Random(6);
        RealMatrix v = orthogonal(40, random);
        RealMatrix w = orthogonal(40, random);
        RealMatrix sigma11 = w.multiply(diagonal(40, random)).multiply(w.transpose());
        RealMatrix sigma31 = new Array2DRowRealMatrix(10, 40);
        for (int a = 0; a < 10; a++) {
            sigma31.setRowVector(a, v.getColumnVector(a).mapMultiply(10 - a));
        }
        InputAlignment rotated = InputAlignment.of(sigma11.getData(), sigma31.getData());
        assertThat(rotated.measure().deviation()).isGreaterThan(0.5);
        assertThat(rotated.leakage()).isGreaterThan(0.5);
    }

    /**
     * MNIST, all 10,000 digits. The reference values come from an independent computation (NumPy,
     * pixel values as the package stores them): 0.03335 raw, 0.13004 centred.
     */
    @Test
    void mnistIsNearlyAlignedRawAndLessSoCentred() {
        MnistDigits all = CachedMnist.digits();
        MnistTask scaled = MnistTask.of(all, Preprocessing.SCALED);
        InputAlignment raw = InputAlignment.of(scaled.sigma11(), scaled.sigma31());
        assertThat(raw.rank()).isEqualTo(10);
        assertThat(raw.offDiagonalFraction()).isCloseTo(0.03335, within(5e-4));
        MnistTask centredTask = MnistTask.of(all, Preprocessing.CENTRED);
        InputAlignment centred = InputAlignment.of(centredTask.sigma11(), centredTask.sigma31());
        assertThat(centred.rank()).as("centred targets: the ten class sums add up to 0").isEqualTo(9);
        assertThat(centred.offDiagonalFraction()).isCloseTo(0.13004, within(5e-4));
        assertThat(centred.measure().text()).contains("9 data-determined modes");
    }

    private static RealMatrix orthogonal(int n, Random random) {
        RealMatrix g = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setEntry(i, j, random.nextGaussian());
            }
        }
        return new QRDecomposition(g).getQ();
    }

    private static RealMatrix diagonal(int n, Random random) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(10, 4 * random.nextDouble() - 2);   // four decades, as pixel covariances span
        }
        return MatrixUtils.createRealDiagonalMatrix(d);
    }
}
