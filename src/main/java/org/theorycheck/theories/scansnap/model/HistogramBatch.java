package org.theorycheck.theories.scansnap.model;

import org.theorycheck.theories.scansnap.data.SequenceClasses;

import java.util.Arrays;

/**
 * A batch of samples for {@link YZGradient}, each a token histogram over the support of its group. A
 * group fixes the query token m, the target n and the contextual tokens l_0..l_{k−1} (distinct); in
 * practice a group is a sequence class. Samples keep the order they were added in (their losses are
 * summed in that order). Reusable: {@link #clear()} empties it and keeps the buffers.
 */
public final class HistogramBatch {

    private final int[] queries;
    private final int[] nexts;
    private final int[][] tokens;
    private int size;
    private int[] groupOf = new int[16];
    private double[][] weights = new double[16][];

    /**
     * @param queries m of each group
     * @param nexts   n (vocabulary index of the target token) of each group
     * @param tokens  the contextual tokens of each group, distinct within a group (copied)
     */
    public HistogramBatch(int[] queries, int[] nexts, int[][] tokens) {
        if (queries.length != nexts.length || queries.length != tokens.length) {
            throw new IllegalArgumentException("every group needs a query, a target and its tokens");
        }
        this.queries = queries.clone();
        this.nexts = nexts.clone();
        this.tokens = new int[tokens.length][];
        for (int g = 0; g < tokens.length; g++) {
            this.tokens[g] = tokens[g].clone();
        }
    }

    /** One group per sequence class, with the class's query, target and support. */
    public static HistogramBatch of(SequenceClasses classes) {
        int k = classes.classes();
        int[] queries = new int[k];
        int[] nexts = new int[k];
        int[][] tokens = new int[k][];
        for (int n = 0; n < k; n++) {
            queries[n] = classes.queryToken(n);
            nexts[n] = classes.nextToken(n);
            tokens[n] = classes.support(n);
        }
        return new HistogramBatch(queries, nexts, tokens);
    }

    /** Removes every sample. */
    public void clear() {
        size = 0;
    }

    /**
     * Appends a sample of {@code group} and returns its weights, indexed like {@link #tokens(int)}: the
     * caller fills them (non-negative: counts, or probabilities; zero entries are tokens the sample lacks).
     * The array is owned by the batch and reused after {@link #clear()}.
     */
    public double[] add(int group) {
        if (size == groupOf.length) {
            groupOf = Arrays.copyOf(groupOf, 2 * size);
            weights = Arrays.copyOf(weights, 2 * size);
        }
        int width = tokens[group].length;
        if (weights[size] == null || weights[size].length < width) {
            weights[size] = new double[width];
        }
        groupOf[size] = group;
        return weights[size++];
    }

    public int size() {
        return size;
    }

    public int groups() {
        return tokens.length;
    }

    public int group(int sample) {
        return groupOf[sample];
    }

    public double[] weights(int sample) {
        return weights[sample];
    }

    public int query(int group) {
        return queries[group];
    }

    public int next(int group) {
        return nexts[group];
    }

    /** The contextual tokens of a group (not to be modified). */
    public int[] tokens(int group) {
        return tokens[group];
    }
}
