package org.theorycheck.theories.scansnap.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.theorycheck.theories.scansnap.experiment.DataSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synthetic family against paper §1.3: vocabulary sizes, [ref] layout order, token roles and P(l|n). */
class SyntheticFamilyTest {

    /** P(l|n) is a ratio of sums of a few tens of weights: exact to a few ulps. */
    static final double PROBABILITY_TOLERANCE = 1e-15;

    static DataSpec synSmall() {
        return new DataSpec(2, 1, 10, 0, 10, 1.0, 0.1, 1.0, 127);
    }

    static DataSpec synMedium(int queries) {
        return new DataSpec(queries, 2, 10, 0, 10, 1.0, 0.1, 1.0, 127);
    }

    @Test
    void synSmallHasThePapersVocabularyLayoutRolesAndProbabilities() {
        SequenceClasses c = SyntheticFamily.build(synSmall());
        assertThat(c.vocabulary()).isEqualTo(34);
        assertThat(c.classes()).isEqualTo(2);
        // [10 global common][0 per-query][2 blocks of 10 distinct][2 query][2 next]
        double total = 10 * 1.0 + (0.1 + 0.2 + 0.3 + 0.4 + 0.5 + 0.6 + 0.7 + 0.8 + 0.9 + 1.0);   // = 15.5
        for (int n = 0; n < 2; n++) {
            assertThat(c.queryToken(n)).isEqualTo(30 + n);
            assertThat(c.nextToken(n)).isEqualTo(32 + n);
            for (int l = 0; l < 10; l++) {
                assertThat(c.probability(n, l)).isCloseTo(1.0 / total, within(PROBABILITY_TOLERANCE));
            }
            int[] expectedDistinct = new int[10];
            for (int i = 0; i < 10; i++) {
                expectedDistinct[i] = 10 + 10 * n + i;
                assertThat(c.probability(n, 10 + 10 * n + i)).isCloseTo(0.1 * (i + 1) / total, within(PROBABILITY_TOLERANCE));
                assertThat(c.probability(1 - n, 10 + 10 * n + i)).isZero();
            }
            assertThat(c.distinctTokens(n)).containsExactly(expectedDistinct);
            for (int l = 30; l < 34; l++) {
                assertThat(c.probability(n, l)).as("query and next tokens never appear in a context").isZero();
            }
            assertThat(sum(c.distribution(n))).isCloseTo(1.0, within(1e-15));
        }
        for (int l = 0; l < 10; l++) {
            assertThat(c.role(l)).isEqualTo(TokenRole.COMMON);
        }
        for (int l = 10; l < 30; l++) {
            assertThat(c.role(l)).isEqualTo(TokenRole.DISTINCT);
        }
        for (int l = 30; l < 34; l++) {
            assertThat(c.role(l)).isEqualTo(TokenRole.ABSENT);
        }
        assertThat(c.queryTokens()).containsExactly(30, 31);
        assertThat(c.classesOfQuery(30)).containsExactly(0);
        assertThat(c.classesOfQuery(31)).containsExactly(1);
    }

    @ParameterizedTest(name = "Q={0} -> M={1}")
    @CsvSource({"1, 33", "3, 79", "5, 125", "10, 240"})
    void synMediumHasThePapersVocabularySizes(int queries, int vocabulary) {
        SequenceClasses c = SyntheticFamily.build(synMedium(queries));
        assertThat(c.vocabulary()).isEqualTo(vocabulary);
        assertThat(c.classes()).isEqualTo(2 * queries);
        int queryStart = 10 + 2 * queries * 10;
        for (int n = 0; n < c.classes(); n++) {
            // class n = q·R + j uses query q and distinct block n
            assertThat(c.queryToken(n)).isEqualTo(queryStart + n / 2);
            assertThat(c.nextToken(n)).isEqualTo(queryStart + queries + n);
            assertThat(c.support(n)).hasSize(20);
            assertThat(c.distinctTokens(n)).containsExactly(java.util.stream.IntStream.range(10 + 10 * n, 20 + 10 * n).toArray());
            assertThat(sum(c.distribution(n))).isCloseTo(1.0, within(1e-14));
        }
        for (int q = 0; q < queries; q++) {
            assertThat(c.classesOfQuery(queryStart + q)).containsExactly(2 * q, 2 * q + 1);
        }
    }

    /** Per-query common tokens sit between global commons and distinct blocks and are shared by that query's classes. */
    @Test
    void perQueryCommonTokensFollowTheLayout() {
        // Q=2, R=2, C=1, C_q=2, D=3, w_c=2, weights 0.5, 1.0, 1.5: M = 1 + 4 + 12 + 2 + 4 = 23
        SequenceClasses c = SyntheticFamily.build(new DataSpec(2, 2, 1, 2, 3, 2.0, 0.5, 1.5, 16));
        assertThat(c.vocabulary()).isEqualTo(23);
        double total = 2 + 2 * 2 + (0.5 + 1.0 + 1.5);   // one global, two per-query commons, three distincts = 9
        int[][] perQuery = {{1, 2}, {3, 4}};
        for (int n = 0; n < 4; n++) {
            int q = n / 2;
            assertThat(c.queryToken(n)).isEqualTo(17 + q);
            assertThat(c.nextToken(n)).isEqualTo(19 + n);
            assertThat(c.probability(n, 0)).isCloseTo(2 / total, within(PROBABILITY_TOLERANCE));
            for (int l : perQuery[q]) {
                assertThat(c.probability(n, l)).isCloseTo(2 / total, within(PROBABILITY_TOLERANCE));
            }
            for (int l : perQuery[1 - q]) {
                assertThat(c.probability(n, l)).isZero();
            }
            double[] weights = {0.5, 1.0, 1.5};
            for (int i = 0; i < 3; i++) {
                assertThat(c.probability(n, 5 + 3 * n + i)).isCloseTo(weights[i] / total, within(PROBABILITY_TOLERANCE));
            }
            assertThat(c.support(n)).hasSize(6);
        }
        for (int l = 0; l < 5; l++) {
            assertThat(c.role(l)).as("token %d", l).isEqualTo(TokenRole.COMMON);
        }
        for (int l = 5; l < 17; l++) {
            assertThat(c.role(l)).as("token %d", l).isEqualTo(TokenRole.DISTINCT);
        }
    }

    @Test
    void distinctWeightsAreEvenlySpacedAndAscendingLikeLinspace() {
        double[] w = new DataSpec(1, 1, 0, 0, 10, 1, 0.1, 1.0, 5).distinctWeights();
        for (int i = 0; i < 10; i++) {
            assertThat(w[i]).isCloseTo(0.1 * (i + 1), within(1e-15));
        }
        assertThat(w[9]).isEqualTo(1.0);
        assertThat(new DataSpec(1, 1, 0, 0, 1, 1, 0.3, 0.7, 5).distinctWeights()).containsExactly(0.3);
        assertThat(new DataSpec(1, 1, 0, 0, 3, 1, 2, 2, 5).distinctWeights()).containsExactly(2, 2, 2);
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
