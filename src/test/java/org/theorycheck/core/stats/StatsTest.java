package org.theorycheck.core.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void extremesAndMeanPropagateAnUndefinedValue() {
        double[] a = {2, Double.NaN, 1};
        assertThat(Stats.max(a)).isNaN();
        assertThat(Stats.min(a)).isNaN();
        assertThat(Stats.mean(a)).isNaN();
        assertThat(Stats.max(new double[] {2, 5, 1})).isEqualTo(5);
        assertThat(Stats.min(new double[] {2, 5, 1})).isEqualTo(1);
        assertThat(Stats.mean(new double[] {2, 5, 2})).isEqualTo(3);
    }

    @Test
    void spearmanRanksWithAverageRanksForTies() {
        assertThat(Stats.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 100, 1000, 1e4})).isEqualTo(1);
        assertThat(Stats.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isEqualTo(-1);
        // Ranks of y with a tie: 1, 2.5, 2.5; Pearson of (1, 2, 3) with them is 0.866.
        assertThat(Stats.spearman(new double[] {1, 2, 3}, new double[] {0, 5, 5})).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
    }

    @Test
    void pointwiseMeanAndStdSkipUndefinedValues() {
        double[][] ms = Stats.pointwiseMeanStd(List.of(new double[] {1, Double.NaN}, new double[] {3, 4}));
        assertThat(ms[0]).containsExactly(2, 4);
        assertThat(ms[1][0]).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(ms[1][1]).as("one value has no sample std").isNaN();
        assertThatThrownBy(() -> Stats.pointwiseMeanStd(List.of(new double[2], new double[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
