package org.theorycheck.theories.scansnap.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token ↔ id map of a corpus: every train token with count ≥ {@code minCount}, plus {@link #UNK},
 * sorted by descending count, ties by the token (String order, i.e. UTF-16 code units). Every other
 * token maps to {@code <unk>}, whose count is the number of train tokens that map to it (its own
 * occurrences, as in WikiText, plus those of the tokens below {@code minCount}); on the Brown corpus
 * with {@code minCount} 1 that is 0, so {@code <unk>} comes last.
 */
public final class Vocabulary {

    /** Stands for every token outside the vocabulary. */
    public static final String UNK = "<unk>";

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;
    private final int unk;

    private Vocabulary(List<String> tokens, long[] counts) {
        this.tokens = List.copyOf(tokens);
        this.counts = counts;
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
        this.unk = ids.get(UNK);
    }

    /**
     * The vocabulary of a train split.
     *
     * @param trainCounts occurrences of each token in the train split
     * @param minCount    the least count that keeps a token (≥ 1)
     */
    public static Vocabulary of(Map<String, Long> trainCounts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        Map<String, Long> kept = new HashMap<>();
        long unknown = trainCounts.getOrDefault(UNK, 0L);
        for (Map.Entry<String, Long> e : trainCounts.entrySet()) {
            if (e.getKey().equals(UNK)) {
                continue;
            }
            if (e.getValue() >= minCount) {
                kept.put(e.getKey(), e.getValue());
            } else {
                unknown += e.getValue();
            }
        }
        kept.put(UNK, unknown);
        List<String> order = new ArrayList<>(kept.keySet());
        order.sort(Comparator.<String>comparingLong(kept::get).reversed().thenComparing(Comparator.naturalOrder()));
        long[] counts = new long[order.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = kept.get(order.get(i));
        }
        return new Vocabulary(order, counts);
    }

    /** Number of entries, {@code <unk>} included. */
    public int size() {
        return tokens.size();
    }

    /** The id of {@code token}, or that of {@code <unk>} if it is outside the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? unk : id;
    }

    /** Whether {@code token} has an id of its own. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of {@code <unk>}. */
    public int unk() {
        return unk;
    }

    /** The train count of entry {@code id} (for {@code <unk>}: of everything that maps to it). */
    public long count(int id) {
        return counts[id];
    }

    /** The entries in id order. */
    public List<String> tokens() {
        return tokens;
    }
}
