package org.theorycheck.theories.scansnap.text;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PyTorch's word-language-model layout, worked by hand for the stream 0, 1, …, 25 in 4 columns:
 * {@code batchify} keeps 24 tokens as a 6 × 4 matrix whose column j is 6j … 6j + 5, and
 * {@code get_batch} with bptt 2 starts windows at rows 0, 2, 4 (range(0, 5, 2)), the last of length 1.
 */
class TextBatchesTest {

    private final TextBatches batches = new TextBatches(IntStream.range(0, 26).toArray(), 4, 2);

    @Test
    void columnsAreConsecutivePiecesOfTheStream() {
        assertThat(batches.rows()).isEqualTo(6);
        assertThat(batches.at(0, 0)).isZero();
        assertThat(batches.at(5, 0)).isEqualTo(5);
        assertThat(batches.at(0, 1)).isEqualTo(6);
        assertThat(batches.at(5, 3)).isEqualTo(23);
    }

    @Test
    void windowsAndTheirShiftedTargets() {
        assertThat(batches.windows()).isEqualTo(3);
        assertThat(batches.fullWindows()).isEqualTo(2);
        TextBatches.Window first = batches.window(0);
        assertThat(first.length()).isEqualTo(2);
        assertThat(first.input()).containsExactly(0, 6, 12, 18, 1, 7, 13, 19);
        assertThat(first.target()).containsExactly(1, 7, 13, 19, 2, 8, 14, 20);
        TextBatches.Window last = batches.window(2);
        assertThat(last.start()).isEqualTo(4);
        assertThat(last.length()).isEqualTo(1);
        assertThat(last.input()).containsExactly(4, 10, 16, 22);
        assertThat(last.target()).containsExactly(5, 11, 17, 23);
        assertThatThrownBy(() -> batches.window(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void exactlyOneFullWindowIsTheSmallestStream() {
        TextBatches one = new TextBatches(IntStream.range(0, 9).toArray(), 3, 2);
        assertThat(one.windows()).isEqualTo(1);
        assertThat(one.window(0).length()).isEqualTo(2);
        assertThatThrownBy(() -> new TextBatches(IntStream.range(0, 8).toArray(), 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
