package org.theorycheck.theories.scansnap.data;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.train.SgdRun;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples against the laws of paper §1.3: classes uniform on [K], contextual tokens i.i.d. from P(·|n). */
class ContextSamplerTest {

    /**
     * Goodness of fit is rejected below this p-value. The stream is seeded, so each test is
     * deterministic; a correct sampler would fail at a given seed with probability 1e-3.
     */
    static final double SIGNIFICANCE = 1e-3;
    /** A wrong law must be rejected far more strongly than that (negative controls). */
    static final double REJECTION = 1e-9;

    private static final ChiSquareTest CHI_SQUARE = new ChiSquareTest();

    @Test
    void contextTokenFrequenciesFollowTheClassDistribution() {
        SequenceClasses classes = SyntheticFamily.build(SyntheticFamilyTest.synSmall());
        ContextSampler sampler = new ContextSampler(classes, 127, SgdRun.stream(11));
        for (int n = 0; n < classes.classes(); n++) {
            int[] support = classes.support(n);
            long[] observed = draw(sampler, n, support.length, 2000);
            double[] expected = new double[support.length];
            for (int i = 0; i < support.length; i++) {
                expected[i] = classes.probability(n, support[i]) * 2000 * 127;
            }
            assertThat(CHI_SQUARE.chiSquareTest(expected, observed)).as("class %d", n).isGreaterThan(SIGNIFICANCE);

            // negative control: the same counts against the law with the distinct weights reversed
            double[] reversed = expected.clone();
            int d = classes.distinctTokens(n).length;
            for (int i = 0; i < d; i++) {
                reversed[support.length - d + i] = expected[support.length - 1 - i];
            }
            assertThat(CHI_SQUARE.chiSquareTest(reversed, observed)).isLessThan(REJECTION);
        }
    }

    @Test
    void everyContextHasExactlyTMinusOneTokensOnTheSupport() {
        SequenceClasses classes = SyntheticFamily.build(new org.theorycheck.theories.scansnap.experiment.DataSpec(2, 2, 1, 2, 3, 2.0, 0.5, 1.5, 5));
        ContextSampler sampler = new ContextSampler(classes, 5, SgdRun.stream(3));
        double[] counts = new double[8];
        for (int i = 0; i < 1000; i++) {
            int n = sampler.nextClass();
            java.util.Arrays.fill(counts, 99);
            sampler.nextContext(n, counts);
            int size = classes.support(n).length;
            double total = 0;
            for (int j = 0; j < size; j++) {
                assertThat(counts[j]).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(counts[j]));
                total += counts[j];
            }
            assertThat(total).isEqualTo(5);
            for (int j = size; j < counts.length; j++) {
                assertThat(counts[j]).as("past the support").isEqualTo(99);
            }
        }
    }

    @Test
    void classesAreUniform() {
        SequenceClasses classes = SyntheticFamily.build(SyntheticFamilyTest.synMedium(10));
        ContextSampler sampler = new ContextSampler(classes, 127, SgdRun.stream(5));
        int k = classes.classes();
        int draws = 200_000;
        long[] observed = new long[k];
        for (int i = 0; i < draws; i++) {
            observed[sampler.nextClass()]++;
        }
        double[] uniform = new double[k];
        java.util.Arrays.fill(uniform, (double) draws / k);
        assertThat(CHI_SQUARE.chiSquareTest(uniform, observed)).isGreaterThan(SIGNIFICANCE);

        // negative control: a law that favours class 0 by 10 % is rejected
        double[] skewed = uniform.clone();
        skewed[0] *= 1.1;
        assertThat(CHI_SQUARE.chiSquareTest(skewed, observed)).isLessThan(REJECTION);
    }

    @Test
    void sameSeedSameSamples() {
        SequenceClasses classes = SyntheticFamily.build(SyntheticFamilyTest.synSmall());
        ContextSampler a = new ContextSampler(classes, 127, SgdRun.stream(9));
        ContextSampler b = new ContextSampler(classes, 127, SgdRun.stream(9));
        double[] ca = new double[20];
        double[] cb = new double[20];
        for (int i = 0; i < 100; i++) {
            int n = a.nextClass();
            assertThat(b.nextClass()).isEqualTo(n);
            a.nextContext(n, ca);
            b.nextContext(n, cb);
            assertThat(cb).isEqualTo(ca);
        }
    }

    private static long[] draw(ContextSampler sampler, int n, int size, int samples) {
        long[] observed = new long[size];
        double[] counts = new double[size];
        for (int s = 0; s < samples; s++) {
            sampler.nextContext(n, counts);
            for (int i = 0; i < size; i++) {
                observed[i] += (long) counts[i];
            }
        }
        return observed;
    }
}
