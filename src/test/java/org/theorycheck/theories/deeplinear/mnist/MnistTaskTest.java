package org.theorycheck.theories.deeplinear.mnist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MnistTaskTest {

    /** Sums of up to 10^3 products of O(1) numbers, accumulated in another order. */
    private static final double SUM_ROUNDOFF = 1e-9;

    private static MnistDigits some;

    @BeforeAll
    static void digits() {
        some = CachedMnist.digits().take(1000);
    }

    @Test
    void takeDealsTheDigitsInTurnSoEveryPrefixIsBalanced() {
        MnistDigits twelve = CachedMnist.digits().take(12);
        assertThat(twelve.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        // the second 0 is image 1 of the package, the first 1 is its image 1001
        assertThat(twelve.intensity(10, 300)).isEqualTo(CachedMnist.digits().intensity(1, 300));
        assertThat(twelve.intensity(1, 300)).isEqualTo(CachedMnist.digits().intensity(1001, 300));
        assertThat(CachedMnist.digits().take(10_000).labels()).hasSize(10_000);
        assertThatThrownBy(() -> CachedMnist.digits().take(10_001)).hasMessageStartingWith("data.digits:");
    }

    @Test
    void sigmasAreSumsOverTheDigitsNotMeans() {
        MnistTask task = MnistTask.of(some, Preprocessing.NONE);
        assertThat(task.inputDim()).isEqualTo(784);
        int a = 400;
        int b = 430;
        double s11 = 0;
        double s31 = 0;
        for (int i = 0; i < some.count(); i++) {
            s11 += (double) some.intensity(i, a) * some.intensity(i, b);
            if (some.labels()[i] == 3) {
                s31 += some.intensity(i, a);
            }
        }
        assertThat(task.sigma11()[a][b]).isEqualTo(s11);
        assertThat(task.sigma11()[b][a]).isEqualTo(s11);
        assertThat(task.sigma31()[3][a]).isEqualTo(s31);
        double[] y = task.targets();
        assertThat(y).hasSize(1000 * 10);
        assertThat(y[7 * 10 + 7]).isEqualTo(1.0);
        assertThat(y[7 * 10 + 6]).isZero();
    }

    @Test
    void scalingAndCentringDoWhatTheySay() {
        MnistTask raw = MnistTask.of(some, Preprocessing.NONE);
        MnistTask scaled = MnistTask.of(some, Preprocessing.SCALED);
        assertThat(scaled.sigma11()[400][430]).isCloseTo(raw.sigma11()[400][430] / (255.0 * 255.0), within(SUM_ROUNDOFF));
        double max = 0;
        for (double v : scaled.inputs()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1.0);
        MnistTask centred = MnistTask.of(some, Preprocessing.CENTRED);
        for (int j : new int[] {0, 300, 400, 783}) {
            double sum = 0;
            for (int i = 0; i < some.count(); i++) {
                sum += centred.inputs()[i * 784 + j];
            }
            assertThat(sum).isCloseTo(0, within(SUM_ROUNDOFF));
        }
    }

    @Test
    void whiteningMakesSigma11TheIdentityOnTheComponentsKept() {
        MnistTask white = MnistTask.of(some, Preprocessing.WHITENED, 50);
        assertThat(white.inputDim()).isEqualTo(50);
        double worst = 0;
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                worst = Math.max(worst, Math.abs(white.sigma11()[i][j] - (i == j ? 1 : 0)));
            }
        }
        assertThat(worst).isLessThan(1e-10);
        // and the inputs themselves: Σ_μ x_a x_b over the whitened digits
        for (int[] ab : new int[][] {{0, 0}, {0, 1}, {17, 42}, {49, 49}}) {
            double sum = 0;
            for (int i = 0; i < some.count(); i++) {
                sum += white.inputs()[i * 50 + ab[0]] * white.inputs()[i * 50 + ab[1]];
            }
            assertThat(sum).isCloseTo(ab[0] == ab[1] ? 1 : 0, within(1e-10));
        }
    }

    @Test
    void whiteningASingularSigma11IsAnInputErrorNamingTheKey() {
        // 1000 digits: many border pixels never light up, so the centred Σ11 is singular on 784 pixels.
        assertThatThrownBy(() -> MnistTask.of(some, Preprocessing.WHITENED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("data.preprocessing: whitened needs a nonsingular Σ11")
                .hasMessageContaining("data.whitening_components to at most");
        assertThatThrownBy(() -> MnistTask.of(some, Preprocessing.CENTRED, 50)).hasMessageStartingWith("data.whitening_components:");
        assertThatThrownBy(() -> MnistTask.of(some, Preprocessing.WHITENED, 0)).hasMessageStartingWith("data.whitening_components:");
        assertThatThrownBy(() -> Preprocessing.of("zca")).hasMessage(
                "data.preprocessing: 'zca' is not one of none, scaled, centred, whitened");
    }
}
