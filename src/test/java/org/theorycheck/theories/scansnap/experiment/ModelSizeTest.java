package org.theorycheck.theories.scansnap.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSizeTest {

    private static final DataSpec SYN_SMALL = new DataSpec(2, 1, 10, 0, 10, 1, 0.1, 1, 127);

    @Test
    void theEstimateIsYAndZAsMByMDoubles() {
        assertThat(SYN_SMALL.vocabulary()).isEqualTo(34);
        assertThat(ModelSize.bytesAtLeast(SYN_SMALL)).isEqualTo(16L * 34 * 34);
    }

    @Test
    void aHeapBelowTheEstimateIsAProblemThatNamesBoth() {
        assertThat(ModelSize.problem(SYN_SMALL, 1L << 30)).isNull();
        assertThat(ModelSize.problem(SYN_SMALL, 1000)).contains("0.0 GB", "34 tokens", "java -Xmx");
    }

    @Test
    void theKeyToLowerIsTheLargestFactorOfM() {
        assertThat(ModelSize.keyToLower(new DataSpec(100000, 1, 10, 0, 10, 1, 0.1, 1, 127))).isEqualTo("data.queries");
        assertThat(ModelSize.keyToLower(new DataSpec(2, 1, 10, 0, 5000, 1, 0.1, 1, 127))).isEqualTo("data.distinct_per_next");
    }
}
