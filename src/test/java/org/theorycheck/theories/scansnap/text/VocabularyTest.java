package org.theorycheck.theories.scansnap.text;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

    @Test
    void sortedByDescendingCountThenTokenWithUnkLast() {
        Vocabulary v = Vocabulary.of(Map.of("b", 3L, "a", 3L, "c", 5L, "d", 1L), 1);
        assertThat(v.tokens()).containsExactly("c", "a", "b", "d", "<unk>");
        assertThat(v.count(v.unk())).isZero();
        assertThat(v.id("zzz")).isEqualTo(v.unk());
        assertThat(v.id("a")).isEqualTo(1);
    }

    @Test
    void tokensBelowMinCountMapToUnkWhichCountsThem() {
        Vocabulary v = Vocabulary.of(Map.of("b", 3L, "a", 3L, "c", 5L, "d", 1L, "e", 2L), 3);
        assertThat(v.tokens()).containsExactly("c", "<unk>", "a", "b");
        assertThat(v.count(v.unk())).isEqualTo(3);
        assertThat(v.contains("d")).isFalse();
        assertThat(v.id("e")).isEqualTo(v.unk());
    }

    @Test
    void anUnkInTheTextIsTheSameEntry() {
        Vocabulary v = Vocabulary.of(Map.of("<unk>", 4L, "x", 9L, "y", 1L), 2);
        assertThat(v.tokens()).containsExactly("x", "<unk>");
        assertThat(v.count(v.unk())).isEqualTo(5);
    }
}
