package org.theorycheck.theories.scansnap.text;

import java.util.List;

/**
 * A corpus read into id streams: its vocabulary (from the train split) and, per split, the ids of its
 * files concatenated in order.
 *
 * @param location   where it was read from
 * @param vocabulary the token ↔ id map
 * @param splits     train, valid and test, in that order
 */
public record TextCorpus(String location, Vocabulary vocabulary, List<Split> splits) {

    public TextCorpus {
        splits = List.copyOf(splits);
    }

    /**
     * One split.
     *
     * @param split   which one
     * @param files   how many files it was read from
     * @param ids     its token ids in reading order (shared, not copied: do not modify)
     * @param unknown how many of them are {@code <unk>}
     * @param lines   how many {@code <eos>} tokens it has (sentences)
     */
    public record Split(TextSplit split, int files, int[] ids, long unknown, long lines) {}

    public Split split(TextSplit which) {
        return splits.get(which.ordinal());
    }
}
